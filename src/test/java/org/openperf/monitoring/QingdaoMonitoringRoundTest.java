package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.imports.ImportResult;
import org.openperf.imports.ImportService;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.openperf.review.TaskList;
import org.openperf.review.TaskRow;
import org.openperf.kernel.Caller;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.openperf.kernel.Scope;
import org.openperf.kernel.Finding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Qingdao 2024 tables from import to a 1–7月 monitoring round: the preparers fix what validation stops (through
 * the same service the {@code PUT /api/projects/{id}} endpoint uses), the department and finance approve all 98, and
 * the round finance opens gives each of them exactly one 填报监控表 task for its unit — although their milestones
 * have long passed on today's clock. A report with nothing spent by July is red and reaches finance.
 * Its own application context (the property), so the round counts only these projects; closed after the class so
 * that its database connections (on PostgreSQL in the subclass) do not stay open for the rest of the suite.
 */
@SpringBootTest(properties = "perf.test.context=qingdao-monitoring-round")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QingdaoMonitoringRoundTest {

    static final Caller FINANCE = Approvals.FINANCE;

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ImportService imports;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskList taskList;
    @Autowired
    MonitoringRoundService rounds;
    @Autowired
    MonitoringReportService reports;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
    }

    static Caller preparer(String unit) {
        return new Caller("preparer" + unit, List.of("unit-" + unit));
    }

    static Caller reviewer(String department) {
        return new Caller("reviewer" + department, List.of("dept-" + department));
    }

    @Test
    void aRoundFor2024ReachesEveryApprovedQingdaoTableOnce() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/qingdao-2024-targets.xlsx")) {
            file = in.readAllBytes();
        }
        ImportResult imported = imports.importFile(file, "qingdao-2024-targets.xlsx", 2024, false, null, "admin",
                Scope.ALL);
        List<Long> ids = imported.projects().stream().map(ImportResult.ImportedProject::id).toList();
        assertThat(ids).hasSize(98);

        Map<Long, String> unitOf = new HashMap<>();
        Map<Long, String> nameOf = new HashMap<>();
        int fixed = 0;
        for (Long id : ids) {
            ProjectView p = projects.view(id);
            unitOf.put(id, p.unit().code());
            nameOf.put(id, p.name().strip());
            Caller unit = preparer(p.unit().code());
            if (p.findings().stream().anyMatch(Finding::isError)) {
                ProjectView after = projects.update(id, fix(p), unit.scope());
                assertThat(after.findings()).as("%s after fixing", p.name()).noneMatch(Finding::isError);
                fixed++;
            }
            work.submit(id, "请审核", unit);
            Caller dept = reviewer(p.department().code());
            work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意", null), dept);
            work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意批复", null), FINANCE);
        }
        assertThat(fixed).isEqualTo(10);
        assertThat(ids).allSatisfy(id -> assertThat(projects.view(id).version()).isEqualTo(1));

        long start = System.nanoTime();
        MonitoringRound round = rounds.open(2024, 7, FINANCE);
        System.out.printf("monitoring round 2024 1–7月 opened for %d projects in %d ms%n", round.getProjects(),
                (System.nanoTime() - start) / 1_000_000);
        assertThat(round.getProjects()).isEqualTo(98);
        List<Task> reportTasks = tasks.createTaskQuery().processDefinitionKey("monitoring-round")
                .taskDefinitionKey("UserTask_MonitoringReport").list();
        Map<String, Long> perProject = reportTasks.stream().collect(Collectors.groupingBy(
                t -> runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult()
                        .getBusinessKey(), Collectors.counting()));
        assertThat(perProject).hasSize(98).allSatisfy((project, count) -> assertThat(count).isEqualTo(1));
        assertThat(perProject.keySet()).isEqualTo(ids.stream().map(String::valueOf).collect(Collectors.toSet()));
        for (Task t : reportTasks) {
            String project = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                    .singleResult().getBusinessKey();
            assertThat(tasks.getIdentityLinksForTask(t.getId()))
                    .anyMatch(l -> ("unit-" + unitOf.get(Long.valueOf(project))).equals(l.getGroupId()));
            // Named after its project, so a unit with 98 of them tells them apart in Tasklist.
            assertThat(t.getName()).startsWith("填报监控表 · ").contains(nameOf.get(Long.valueOf(project)));
        }
        // Each unit's task list shows exactly its own tables' reports.
        long unit402004 = unitOf.values().stream().filter("402004"::equals).count();
        assertThat(taskList.todo(preparer("402004"), 2024, null, 0, 200)).hasSize((int) unit402004)
                .allMatch(r -> r.step().equals("填报监控表"));

        // Nothing spent by the end of July against 58.33% due: red, so after the department it goes to finance.
        Long first = ids.stream().filter(id -> projects.view(id).budget().signum() > 0).findFirst().orElseThrow();
        MonitoringReport red = reports.submit(first, onTrack(first, BigDecimal.ZERO), preparer(unitOf.get(first)));
        assertThat(red.getExecutionLight()).isEqualTo(Light.RED);
        assertThat(red.getProjectLight()).isEqualTo(Light.RED);
        assertThat(red.getIndicators()).hasSize(projects.view(first).indicators().size());
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(first))
                .taskDefinitionKey("UserTask_MonitoringDepartmentReview").singleResult();
        work.complete(review.getId(), new Decision("approve", "同意", null),
                reviewer(projects.view(first).department().code()));
        assertThat(taskList.todo(FINANCE, 2024, null, 0, 200)).extracting(TaskRow::projectId, TaskRow::step)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, "财政审核监控表"));
        assertThat(rounds.list(2024)).singleElement().extracting(MonitoringRound::getProjects).isEqualTo(98);
    }

    /** Every row filled: the target value itself (or 部分达成, not done), each with a reason and a measure. */
    MonitoringReportInput onTrack(Long id, BigDecimal spent) {
        MonitoringReportService.Draft draft = reports.draft(id, null, Scope.ALL);
        ProjectView p = projects.view(id);
        List<MonitoringReportInput.Row> rows = new ArrayList<>();
        for (MonitoringReportService.DraftRow d : draft.indicators()) {
            ProjectView.ValueView v = p.indicators().get(d.index()).value();
            BigDecimal number = "QUANTITATIVE".equals(d.kind()) ? (v.number() == null ? BigDecimal.ZERO : v.number())
                    : null;
            rows.add(new MonitoringReportInput.Row(d.index(), number,
                    "QUALITATIVE".equals(d.kind()) ? "部分达成" : null, "DEADLINE".equals(d.kind()) ? false : null,
                    null, List.of("其他"), "按年度计划推进", "有可能", "加快执行进度", null));
        }
        return new MonitoringReportInput(null, null, spent, draft.adjustedBudget(), rows);
    }

    /**
     * What a preparer does for the tables validation stops: a cost limit in 万元 that meant 元/人, a 质量指标 under
     * 效益, values written as formulas, a value left empty, and one indicator named twice.
     */
    static ProjectForm fix(ProjectView p) {
        Map<Integer, String> rules = new HashMap<>();
        for (Finding f : p.findings()) {
            if (f.isError() && f.indicatorIndex() != null) {
                rules.put(f.indicatorIndex(), f.rule());
            }
        }
        Set<String> names = new HashSet<>();
        List<ProjectForm.IndicatorInput> rows = new ArrayList<>();
        for (int i = 0; i < p.indicators().size(); i++) {
            ProjectView.IndicatorView in = p.indicators().get(i);
            String level1 = in.level1();
            String name = in.name();
            String value = in.value() == null ? null : in.value().text();
            String rule = rules.getOrDefault(i, "");
            switch (rule) {
                case "value.cost.over-budget" -> value = value.replace("万元", "元/人");
                case "structure.level2.mismatch" -> level1 = "产出指标";
                // 合同额 written as a formula: the preparer states the amount, at most the project's budget.
                case "value.unparsed" -> value = "≤" + p.budget().toPlainString() + " 万元";
                case "value.missing" -> value = name.contains("满意度") ? "≥90%" : name.contains("时间") ? "≤12月31日"
                        : name.contains("率") ? "≥95%" : name.contains("人数") ? "≥1 人" : "有效";
                default -> {
                }
            }
            if (!names.add(name)) {
                name = name + "（二）";
            }
            rows.add(new ProjectForm.IndicatorInput(level1, in.level2(), name, in.description(),
                    new ProjectForm.ValueInput(value), in.basis(), in.weight(), in.bands()));
        }
        return new ProjectForm(p.year(), p.code(), p.name(), new ProjectForm.UnitInput(p.unit().code(), null),
                p.category(), p.budget(), p.fiscalFunds(), p.otherFunds(), p.budgetNote(), p.purpose(), p.goal(),
                p.spendingPlan(), rows);
    }
}
