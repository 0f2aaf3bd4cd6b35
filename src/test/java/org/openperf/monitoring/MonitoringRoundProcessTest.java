package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.ProcessFixture;
import org.openperf.TestUnits;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewService;
import org.openperf.review.ReviewTasks;
import org.openperf.review.TargetAdjustments;
import org.openperf.review.TaskList;
import org.openperf.review.TaskRow;
import org.openperf.kernel.Caller;
import org.openperf.targets.InvalidProjectException;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.kernel.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A monitoring round (monitoring-round, called from target-lifecycle's event subprocess): finance opens it, the unit's 监控表 is checked whole and lit by the
 * calculator, the department reviews it, a red project goes to finance, whose 整改要求 the unit answers; a report
 * can be the ground of a target adjustment that becomes version 2 through all three approval steps. Milestone
 * timers keep running meanwhile. Years 2031–2033 keep these projects apart from other tests in the same context.
 */
@SpringBootTest
@ActiveProfiles("test")
class MonitoringRoundProcessTest {

    static final Caller UNIT = Approvals.UNIT;
    static final Caller DEPT = Approvals.DEPT;
    static final Caller FINANCE = Approvals.FINANCE;

    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewTasks work;
    @Autowired
    ReviewService review;
    @Autowired
    TaskList taskList;
    @Autowired
    TargetAdjustments adjustments;
    @Autowired
    MonitoringRoundService rounds;
    @Autowired
    MonitoringReportService reports;
    @Autowired
    ExecutionReadingRepository readings;

    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ProcessFixture.of(context);
    }

    /** 政策知晓 is qualitative here (有效): a report marks it 达成 or not. */
    static ProjectForm form(int year, String name, String trainees) {
        return ProcessFixture.table(year, name).indicator(1, "每期培训人数", trainees).indicator(2, "政策知晓", "有效")
                .form();
    }

    Long approved(int year, String name) {
        Long id = fixture.draft(form(year, name, "≥40 人"));
        fixture.approve(id);
        return id;
    }

    ProcessInstance lifecycle(Long id) {
        return fixture.lifecycle(id);
    }

    final Map<Long, ProcessInstance> roundInstances = new HashMap<>();

    /** The project's monitoring-round instance of the one round open, kept to assert on it once ended. */
    ProcessInstance round(Long id) {
        return roundInstances.computeIfAbsent(id, key -> fixture.monitoringRounds(key).get(0));
    }

    Task task(Long id, String key) {
        return fixture.task(id, key);
    }

    void spent(Long id, String asOf, String amount) {
        readings.save(new ExecutionReading(id, LocalDate.parse(asOf), new BigDecimal(amount),
                ExecutionReading.Source.API, "test"));
    }

    static MonitoringReportInput.Row line(int index, String value, String achievement, String likelihood) {
        return new MonitoringReportInput.Row(index, value == null ? null : new BigDecimal(value), achievement, null,
                null, null, null, likelihood, null, null);
    }

    static MonitoringReportInput.Row lagging(int index, String value) {
        return new MonitoringReportInput.Row(index, new BigDecimal(value), null, null, "全年预计 30 人",
                List.of("经费保障", "其他"), "培训场地改造推迟", "有可能", "8月起每月加开一期", "场地已落实");
    }

    /** A 1–7月 report: 成本 500 ≤ 550, 人数 as given, 政策知晓 达成, 满意度 55 of ≥90% by July (104.76%: green). */
    static MonitoringReportInput report(Long roundId, MonitoringReportInput.Row trainees) {
        return new MonitoringReportInput(roundId, null, null, new BigDecimal("95"), List.of(
                line(0, "500", null, "确定能"), trainees, line(2, null, "达成", "确定能"), line(3, "55", null, "确定能")));
    }

    List<String> history(Long id) {
        return review.history(id).stream().map(o -> o.getStep() + ":" + o.getAction()).toList();
    }

    @Test
    void aRedReportGoesToFinanceWhoseRectificationTheUnitAnswers() {
        Long id = approved(2031, "监控轮次红灯项目");
        spent(id, "2031-07-20", "50");
        spent(id, "2031-08-02", "70"); // after the cutoff: not what 1–7月 shows
        assertThatThrownBy(() -> rounds.open(2031, 7, UNIT)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rounds.open(2031, 13, FINANCE)).hasMessageContaining("1–12");

        MonitoringRound round = rounds.open(2031, 7, FINANCE);
        assertThat(round.getProjects()).isEqualTo(1);
        // The round runs beside the milestone timer and the waiting self-evaluation, which it leaves alone.
        assertThat(round(id)).isWaitingAt("UserTask_MonitoringReport").hasBusinessKey(String.valueOf(id));
        assertThat(lifecycle(id)).isWaitingAt("CallActivity_MonitoringRound", "CallActivity_Monitoring",
                "CatchEvent_SelfEvaluationRoundOpened");
        assertThat(fixture.monitoring(id)).isWaitingAt("TimerEvent_Milestone");
        Task reportTask = task(id, "UserTask_MonitoringReport");
        assertThat(tasks.getIdentityLinksForTask(reportTask.getId()))
                .anyMatch(l -> "unit-402001".equals(l.getGroupId()));
        assertThatThrownBy(() -> rounds.open(2031, 7, FINANCE)).isInstanceOf(ConflictException.class);
        assertThat(rounds.list(2031)).extracting(MonitoringRound::getCutoffMonth).containsExactly(7);

        MonitoringReportService.Draft draft = reports.draft(id, null, Scope.ALL);
        assertThat(draft.spent()).isEqualByComparingTo("50");
        assertThat(draft.spentAsOf()).isEqualTo(LocalDate.of(2031, 7, 20));
        assertThat(draft.plannedPercent()).isEqualByComparingTo("58.33");
        assertThat(draft.indicators()).extracting(MonitoringReportService.DraftRow::name)
                .containsExactly("培训标准", "每期培训人数", "政策知晓", "满意度");

        // Refused whole, naming the indicator: a row missing, then a red row without reasons and measures.
        assertThatThrownBy(() -> reports.submit(id, new MonitoringReportInput(null, null, null, new BigDecimal("95"),
                List.of(line(0, "500", null, "确定能"))), UNIT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第 2 个指标“每期培训人数”：未填报");
        assertThatThrownBy(() -> reports.submit(id, report(null, line(1, "10", null, "完全不可能")), UNIT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第 2 个指标“每期培训人数”：红灯，须填写偏差原因");
        assertThatThrownBy(() -> reports.submit(id, report(null, new MonitoringReportInput.Row(1, new BigDecimal("10"),
                null, null, null, List.of("天气"), null, "大概", "加开", null)), UNIT))
                .hasMessageContaining("偏差原因“天气”").hasMessageContaining("完成目标可能性");
        assertThat(reports.reports(id, Scope.ALL)).isEmpty();
        assertThat(round(id)).isWaitingAt("UserTask_MonitoringReport");
        assertThatThrownBy(() -> work.complete(reportTask.getId(), new Decision("approve", null, null), UNIT))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("monitoring-report");

        // 10 of ≥40 by July: 10 ÷ (40 × 7/12) = 42.86%: red, so the project is red although spending is on plan.
        MonitoringReport first = reports.submit(id, report(null, lagging(1, "10")), UNIT);
        assertThat(first.getSpent()).isEqualByComparingTo("50");
        assertThat(first.getExecutionRate()).isEqualByComparingTo("50.00");
        assertThat(first.getExecutionLight()).isEqualTo(Light.GREEN);
        assertThat(first.getIndicators()).extracting(MonitoringReportIndicator::getLight)
                .containsExactly(Light.GREEN, Light.RED, Light.GREEN, Light.GREEN);
        assertThat(first.getIndicators().get(1).getRatio()).isEqualByComparingTo("42.86");
        assertThat(first.getIndicators().get(1).getDeviationReasons()).isEqualTo("经费保障、其他");
        assertThat(first.getProjectLight()).isEqualTo(Light.RED);
        assertThat(first.getInitialBudget()).isEqualByComparingTo("100");

        assertThat(round(id)).isWaitingAt("UserTask_MonitoringDepartmentReview");
        Task deptTask = task(id, "UserTask_MonitoringDepartmentReview");
        assertThat(taskList.todo(DEPT, 2031, null, 0, 50)).extracting(TaskRow::step).contains("部门审核监控表");
        assertThatThrownBy(() -> work.complete(deptTask.getId(), new Decision("return", " ", null), DEPT))
                .hasMessageContaining("审核意见");
        work.complete(deptTask.getId(), new Decision("return", "请补充场地改造的时间安排", null), DEPT);
        assertThat(round(id)).isWaitingAt("UserTask_MonitoringReport");
        assertThat(reports.reports(id, Scope.ALL)).singleElement()
                .extracting(MonitoringReport::getStatus).isEqualTo(MonitoringReport.Status.RETURNED);

        MonitoringReport second = reports.submit(id, report(null, lagging(1, "12")), UNIT);
        fixture.complete(id, "UserTask_MonitoringDepartmentReview", new Decision("approve", "同意", null), DEPT);
        assertThat(round(id)).isWaitingAt("UserTask_MonitoringFinanceReview");
        Task financeTask = task(id, "UserTask_MonitoringFinanceReview");
        assertThat(tasks.getIdentityLinksForTask(financeTask.getId())).anyMatch(l -> "finance".equals(l.getGroupId()));
        assertThat(taskList.todo(FINANCE, 2031, null, 0, 50)).extracting(TaskRow::step).contains("财政审核监控表");

        assertThatThrownBy(() -> work.complete(financeTask.getId(), new Decision("rectify", null, null), FINANCE))
                .hasMessageContaining("整改要求");
        work.complete(financeTask.getId(), new Decision("rectify", "8月底前完成第二期培训并报送培训名单", null), FINANCE);
        assertThat(round(id)).isWaitingAt("UserTask_Rectification");
        Task rectification = task(id, "UserTask_Rectification");
        assertThat(tasks.getIdentityLinksForTask(rectification.getId()))
                .anyMatch(l -> "unit-402001".equals(l.getGroupId()));
        assertThat(reportById(id, second.getId()).getRectificationRequirement()).isEqualTo("8月底前完成第二期培训并报送培训名单");
        assertThat(reportById(id, second.getId()).getStatus()).isEqualTo(MonitoringReport.Status.RECTIFYING);

        assertThatThrownBy(() -> work.complete(rectification.getId(), new Decision(null, "", null), UNIT))
                .hasMessageContaining("整改情况");
        work.complete(rectification.getId(), new Decision(null, "第二期培训已于8月20日完成，名单已报送", null), UNIT);
        assertThat(round(id)).isWaitingAt("UserTask_MonitoringFinanceReview");
        assertThat(reportById(id, second.getId()).getRectificationAnswer()).isEqualTo("第二期培训已于8月20日完成，名单已报送");
        assertThat(reportById(id, second.getId()).getStatus()).isEqualTo(MonitoringReport.Status.WITH_FINANCE);

        fixture.complete(id, "UserTask_MonitoringFinanceReview", new Decision("approve", "整改到位", null), FINANCE);
        assertThat(round(id)).hasPassed("EndEvent_MonitoringReportApproved").isEnded();
        assertThat(lifecycle(id)).hasPassed("EndEvent_MonitoringRoundDone");
        assertThat(fixture.monitoring(id)).isWaitingAt("TimerEvent_Milestone");
        assertThat(reports.reports(id, Scope.ALL)).extracting(MonitoringReport::getStatus)
                .containsExactly(MonitoringReport.Status.RETURNED, MonitoringReport.Status.APPROVED);
        assertThat(history(id)).containsSubsequence("批复:approved", "填报监控表:submit", "部门审核监控表:return",
                "填报监控表:submit", "部门审核监控表:approve", "财政审核监控表:rectify", "整改反馈:answer",
                "财政审核监控表:approve");
        assertThat(taskList.done(FINANCE, 2031, null, 0, 50)).extracting(TaskRow::step)
                .containsOnly("财政审核", "财政审核监控表");
    }

    MonitoringReport reportById(Long projectId, Long reportId) {
        return reports.reports(projectId, Scope.ALL).stream().filter(r -> r.getId().equals(reportId)).findFirst()
                .orElseThrow();
    }

    @Test
    void aGreenReportEndsWithTheDepartmentAndTwoOpenRoundsAreToldApart() {
        Long id = approved(2032, "监控轮次绿灯项目");
        spent(id, "2032-06-30", "60");
        MonitoringRound july = rounds.open(2032, 7, FINANCE);
        MonitoringRound september = rounds.open(2032, 9, FINANCE);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey("UserTask_MonitoringReport").count()).isEqualTo(2);
        assertThatThrownBy(() -> reports.submit(id, report(null, line(1, "25", null, "确定能")), UNIT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("roundId");

        // 25 of ≥40 by July: 107.14%, green; 60 spent of 100 against 58.33% planned: green.
        MonitoringReport r = reports.submit(id, report(july.getId(), line(1, "25", null, "确定能")), UNIT);
        assertThat(r.getRoundId()).isEqualTo(july.getId());
        assertThat(r.getProjectLight()).isEqualTo(Light.GREEN);
        // Decided in the Camunda Form in Tasklist: the same rules (a return needs an opinion) and the same history.
        Task review = task(id, "UserTask_MonitoringDepartmentReview");
        tasks.claim(review.getId(), DEPT.userId());
        assertThatThrownBy(() -> tasks.complete(review.getId(), java.util.Map.of("decision", "return")))
                .hasMessageContaining("审核意见");
        tasks.complete(review.getId(), java.util.Map.of("decision", "approve", "comment", "同意"));
        assertThat(history(id)).endsWith("部门审核监控表:approve");
        assertThat(reports.reports(id, Scope.ALL)).singleElement().extracting(MonitoringReport::getStatus)
                .isEqualTo(MonitoringReport.Status.APPROVED);
        // Not red: finance has nothing to do; September's report is still to be filled.
        assertThat(task(id, "UserTask_MonitoringFinanceReview")).isNull();
        Task septemberTask = task(id, "UserTask_MonitoringReport");
        assertThat(runtime.getVariable(septemberTask.getExecutionId(), "monitoringRoundId"))
                .isEqualTo(september.getId());
        assertThat(reports.draft(id, null, Scope.ALL).cutoffLabel()).isEqualTo("1–9月");

        // July's decision was stored by the form in July's own monitoring-round instance; September's round is
        // another instance, so its review opens without it (no stale 同意 in its form).
        assertThat(septemberTask.getProcessInstanceId()).isNotEqualTo(review.getProcessInstanceId());
        assertThat(runtime.getVariables(septemberTask.getProcessInstanceId())).doesNotContainKey("decision");
        reports.submit(id, report(september.getId(), line(1, "30", null, "确定能")), UNIT);
        Task septemberReview = task(id, "UserTask_MonitoringDepartmentReview");
        assertThat(tasks.getVariables(septemberReview.getId())).doesNotContainKeys("decision", "comment");
    }

    @Test
    void anAdjustmentFromAReportBecomesVersionTwoThroughAllThreeSteps() {
        Long id = approved(2033, "监控后调整目标项目");
        Long other = approved(2033, "另一个项目");
        spent(id, "2033-07-31", "55");
        rounds.open(2033, 7, FINANCE);
        MonitoringReport red = reports.submit(id, report(null, lagging(1, "8")), UNIT);
        assertThat(red.getProjectLight()).isEqualTo(Light.RED);

        assertThatThrownBy(() -> adjustments.request(other, "借用别的项目的监控表", red.getId(), UNIT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不是本项目的监控表");
        adjustments.request(id, "培训场地改造，全年培训人数目标调整为 30 人", red.getId(), UNIT);
        assertThat(projects.view(id).status()).isEqualTo("ADJUSTING");
        assertThat(reportById(id, red.getId()).getAdjustmentRequestedBy()).isEqualTo(UNIT.userId());
        assertThat(review.history(id)).filteredOn(o -> o.getStep().equals("目标调整")).singleElement()
                .satisfies(o -> assertThat(o.getComment()).contains("依据 2033 年 1–7月监控表（第 " + red.getId() + " 号，红灯）"));
        // While the targets change, the round's report waits with the department, and no new report is taken.
        assertThat(round(id)).isWaitingAt("UserTask_MonitoringDepartmentReview");
        assertThat(lifecycle(id)).isWaitingAt("CallActivity_MonitoringRound", "CallActivity_TargetAdjustment");

        // 编制 → 部门审核 → 财政审核 → 批复, as the original.
        projects.update(id, form(2033, "监控后调整目标项目", "≥30 人"), UNIT.scope());
        List<String> steps = new ArrayList<>();
        work.submit(id, "按监控结果调整", UNIT);
        steps.add(Approvals.current(tasks, id).getTaskDefinitionKey());
        work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意调整", null), DEPT);
        steps.add(Approvals.current(tasks, id).getTaskDefinitionKey());
        work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意调整", null), FINANCE);
        assertThat(steps).containsExactly("UserTask_DepartmentReview", "UserTask_FinanceReview");
        assertThat(projects.view(id).status()).isEqualTo("APPROVED");
        assertThat(projects.view(id).version()).isEqualTo(2);
        assertThat(review.versions(id)).extracting(v -> v.getVersion()).containsExactly(1, 2);
        assertThat(review.versions(id).get(0).getSnapshot()).contains("≥40 人");
        assertThat(review.versions(id).get(1).getSnapshot()).contains("≥30 人");
        assertThat(history(id)).containsSubsequence("填报监控表:submit", "目标调整:adjust", "编制:submit",
                "部门审核:approve", "财政审核:approve", "批复:approved");
        assertThat(lifecycle(id)).hasPassed("EndEvent_AdjustmentApproved");
    }
}
