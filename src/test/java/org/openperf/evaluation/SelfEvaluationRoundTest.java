package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.openperf.monitoring.ExecutionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.ProcessFixture;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewForbiddenException;
import org.openperf.review.ReviewTasks;
import org.openperf.review.TargetAdjustments;
import org.openperf.review.TaskConflictException;
import org.openperf.kernel.Caller;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.ForbiddenException;
import org.openperf.targets.InvalidProjectException;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.kernel.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A self-evaluation round reaches every approved project of its year; the unit's report is scored by the
 * published rules against the approved table; the department reviews it.
 */
@SpringBootTest
@ActiveProfiles("test")
class SelfEvaluationRoundTest {

    static final Caller UNIT = Approvals.UNIT;
    static final Caller DEPT = Approvals.DEPT;
    static final Caller FINANCE = Approvals.FINANCE;

    @Autowired
    SelfEvaluationRoundRepository roundRepository;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService tasks;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewTasks work;
    @Autowired
    SelfEvaluationRounds rounds;
    @Autowired
    SelfEvaluationSubmissions submissions;
    @Autowired
    RecheckSampling sampling;
    @Autowired
    SelfEvaluationRechecks rechecks;
    @Autowired
    SelfEvaluationReports reports;
    @Autowired
    SelfEvaluationResults results;
    @Autowired
    ExecutionService execution;
    @Autowired
    TargetAdjustments adjustments;

    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ProcessFixture.of(context);
    }

    Long project(String name, boolean approve) {
        return project(2027, name, "100", approve);
    }

    /** Four indicators: the default split gives 成本+产出 50 (25 each), 效益 30, 满意度 10. */
    static ProjectForm table(int year, String name, String budget) {
        return ProcessFixture.table(year, name).budget(budget).form();
    }

    Long project(int year, String name, String budget, boolean approve) {
        Long id = fixture.draft(table(year, name, budget));
        if (approve) {
            fixture.approve(id);
        }
        return id;
    }

    Task task(Long id, String process) {
        return fixture.taskIn(id, process);
    }

    ProcessInstance lifecycle(Long id) {
        return fixture.lifecycle(id);
    }

    /** The project's self-evaluation, called by its lifecycle when the round opened. */
    ProcessInstance selfEvaluation(Long id) {
        return fixture.selfEvaluation(id);
    }

    static SelfEvaluationSubmissions.IndicatorInput actual(int index, String number, String explanation) {
        return new SelfEvaluationSubmissions.IndicatorInput(index, new BigDecimal(number), null, null, null, null,
                explanation);
    }

    @Test
    void aSecondRoundOfTheYearStoredAtTheSameMomentFailsOnTheKeyAndLeavesTheFirstAsItWas() {
        rounds.openRound(2062, 5L, FINANCE);
        // What a second opening that passed the check before the first committed would store: inserted, never
        // merged over the first (its seed, its population), so the database refuses it and finance gets a 409.
        assertThatThrownBy(() -> transactions.executeWithoutResult(t -> roundRepository.saveAndFlush(
                new SelfEvaluationRound(2062, "finance2", 9L)))).isInstanceOf(DataIntegrityViolationException.class);
        SelfEvaluationRound first = transactions.execute(t -> roundRepository.findById(2062).orElseThrow());
        assertThat(first.getSampleSeed()).isEqualTo(5L);
        assertThat(first.getOpenedBy()).isEqualTo(FINANCE.userId());
    }

    @Test
    void anAdjustmentCannotMoveAnApprovedTableToAnotherYear() {
        Long id = project(2058, "调整改年度项目", "100", true);
        adjustments.request(id, "追加培训经费", UNIT);
        // Its lifecycle waits for 2058's round: in 2059's population it would never be reached.
        assertThatThrownBy(() -> projects.update(id, table(2059, "调整改年度项目", "120"), Scope.ALL))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("项目“调整改年度项目”已批复为 2058 年度的目标表，调整时不能改为 2059 年度");
        projects.update(id, table(2058, "调整改年度项目", "120"), Scope.ALL);
        assertThat(projects.table(id).getYear()).isEqualTo(2058);
        assertThat(projects.table(id).getBudget()).isEqualByComparingTo("120");
    }

    @Test
    void afterATargetAdjustmentTheSelfEvaluationTableShowsTheFirstApprovedBudgetAsInitial() {
        Long id = project(2057, "调整后自评项目", "100", true);
        adjustments.request(id, "追加培训经费", UNIT);
        projects.update(id, table(2057, "调整后自评项目", "120"), Scope.ALL);
        fixture.approve(id);
        rounds.openRound(2057, FINANCE);
        submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, new BigDecimal("120"), "全面完成",
                List.of(actual(0, "500", null), actual(1, "40", null), actual(2, "95", null), actual(3, "92", null))),
                UNIT);

        SelfEvaluationReport report = reports.report(id, Scope.ALL);
        // 年初预算数 is the budget as first approved; 全年预算数 the adjusted one the unit measured against.
        assertThat(report.initialBudget()).isEqualByComparingTo("100");
        assertThat(report.budget()).isEqualByComparingTo("120");
        assertThat(report.total()).isEqualByComparingTo("100.00");
    }

    @Test
    void aRoundReachesTheApprovedProjectsAndTheReportIsScoredAndReviewed() {
        Long a = project("自评项目甲", true);
        Long b = project("自评项目乙", true);
        Long draft = project("自评草稿项目", false);
        assertThatThrownBy(() -> rounds.openRound(2027, UNIT)).isInstanceOf(ForbiddenException.class);
        // A year no budget has: refused before anything is stored, naming the field.
        assertThatThrownBy(() -> rounds.openRound(1999, FINANCE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("预算年度 year（2000–2100）");

        SelfEvaluationRounds.RoundOpened round = rounds.openRound(2027, FINANCE);
        assertThat(round.projects()).isEqualTo(2);
        ProcessInstance evaluationA = selfEvaluation(a);
        assertThat(evaluationA).isWaitingAt("UserTask_SelfEvaluation").hasBusinessKey(String.valueOf(a));
        assertThat(selfEvaluation(b)).isWaitingAt("UserTask_SelfEvaluation");
        assertThat(lifecycle(a)).isWaitingAt("CallActivity_SelfEvaluation", "CallActivity_Monitoring");
        assertThat(task(draft, "self-evaluation")).isNull();
        assertThatThrownBy(() -> rounds.openRound(2027, FINANCE)).isInstanceOf(ConflictException.class);

        // 甲: spent 90 of 100 → 9.00; 成本 500 ≤ 550 → 25; 产出 30 of ≥40 → 18.75; 知晓度 95 → 30; 满意度 92 → 10.
        // Total 92.75 → 优.
        assertThatThrownBy(() -> submissions.submit(a, new SelfEvaluationSubmissions.Submission(null, new BigDecimal("90"),
                "完成", List.of(actual(9, "1", null))), UNIT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("指标序号 9");
        submissions.submit(a, new SelfEvaluationSubmissions.Submission(null, new BigDecimal("90"), "基本完成年度目标",
                List.of(actual(0, "500", null), actual(1, "30", "两期培训合并举办"), actual(2, "95", null),
                        actual(3, "92", null))), UNIT);
        SelfEvaluation scored = results.result(a, Scope.ALL);
        assertThat(scored.getStatus()).isEqualTo(SelfEvaluation.Status.SCORED);
        assertThat(scored.getTotal()).isEqualByComparingTo("92.75");
        assertThat(scored.getGrade()).isEqualTo("优");
        assertThat(scored.getSheetJson()).contains("两期培训合并举办");
        assertThat(evaluationA).isWaitingAt("UserTask_SelfEvaluationReview");
        // A second click on submit while the department reviews: refused, nothing changes.
        assertThatThrownBy(() -> submissions.submit(a, new SelfEvaluationSubmissions.Submission(null,
                new BigDecimal("10"), "重复提交", List.of()), UNIT)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("已提交");
        assertThat(results.result(a, Scope.ALL).getTotal()).isEqualByComparingTo("92.75");

        work.complete(task(a, "self-evaluation").getId(), new Decision("return", "请补充满意度调查依据", null), DEPT);
        assertThat(evaluationA).isWaitingAt("UserTask_SelfEvaluation");
        assertThat(projects.view(a).status()).isEqualTo("APPROVED");
        submissions.submit(a, new SelfEvaluationSubmissions.Submission(null, new BigDecimal("100"), "全面完成",
                List.of(actual(0, "500", null), actual(1, "40", null), actual(2, "95", null),
                        actual(3, "92", null))), UNIT);
        assertThat(results.result(a, Scope.ALL).getTotal()).isEqualByComparingTo("100.00");
        work.complete(task(a, "self-evaluation").getId(), new Decision("approve", "同意", null), DEPT);
        SelfEvaluation reviewed = results.result(a, Scope.ALL);
        assertThat(reviewed.getReviewedBy()).isEqualTo(DEPT.userId());
        // Two projects in the round: a 20% share draws one of them; 甲 (优, 100 万元) is re-checked only if drawn.
        RecheckSampling.SampleView sample = sampling.sample(2027, Scope.ALL);
        assertThat(sample.roundProjects()).isEqualTo(2);
        assertThat(sample.drawnByShare()).hasSize(1).containsAnyOf(a, b);
        if (sample.drawnByShare().contains(a)) {
            assertThat(reviewed.getStatus()).isEqualTo(SelfEvaluation.Status.RECHECKING);
            assertThat(reviewed.getSampleReasons()).isEqualTo("SHARE");
            assertThat(evaluationA).isWaitingAt("UserTask_FinanceRecheck");
            work.complete(task(a, "self-evaluation").getId(), new Decision("approve", "复核无异议", null), FINANCE);
        } else {
            assertThat(reviewed.getSampleReasons()).isEmpty();
            assertThat(evaluationA).hasNotPassed("UserTask_FinanceRecheck");
        }
        assertThat(results.result(a, Scope.ALL).getStatus()).isEqualTo(SelfEvaluation.Status.PUBLISHED);
        // The self-evaluation branch is done; monitoring of 2027 still waits for its next milestone.
        assertThat(evaluationA).hasPassed("ServiceTask_SelfEvaluationReviewed", "ServiceTask_Publish").isEnded();
        assertThat(fixture.monitoring(a)).isWaitingAt("TimerEvent_Milestone");
        assertThat(lifecycle(a)).isWaitingAt("Gateway_PhasesDone", "CallActivity_Monitoring");
        assertThat(results.history(a, Scope.ALL)).extracting(SelfEvaluationResults.HistoryEntry::step)
                .startsWith("绩效自评", "部门审核自评", "绩效自评", "部门审核自评", "抽样复核").endsWith("结果公开");

        assertThatThrownBy(() -> submissions.submit(b, new SelfEvaluationSubmissions.Submission(null,
                new BigDecimal("50"), "x", List.of()), DEPT)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aLargeProjectIsRecheckedAndFinancesChangesAreKeptUntilANewReportSupersedesThem() {
        Long id = project(2028, "大额自评项目", "2000", true);
        // 1500 of 2000 spent by the execution data: the report leaves spent out and takes it.
        execution.record(id, java.time.LocalDate.of(2028, 12, 31), new BigDecimal("1500"), Scope.ALL, "u402001");
        rounds.openRound(2028, 7L, FINANCE);
        assertThat(submissions.prefill(id, Scope.ALL).spent()).isEqualByComparingTo("1500");
        assertThat(submissions.prefill(id, Scope.ALL).indicators()).extracting(
                SelfEvaluationSubmissions.PrefillIndicator::weight).containsExactly(new BigDecimal("25.00"),
                new BigDecimal("25.00"), new BigDecimal("30.00"), new BigDecimal("10.00"));
        List<SelfEvaluationSubmissions.IndicatorInput> allMet = List.of(actual(0, "500", null), actual(1, "40", null),
                actual(2, "96", null), actual(3, "92", null));
        // 满意度 above 120% of its target needs a reason too.
        assertThatThrownBy(() -> submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, null, "完成",
                List.of(actual(0, "500", null), actual(1, "49", null), actual(2, "96", null),
                        actual(3, "92", null))), UNIT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("第 2 个指标").hasMessageContaining("超额完成");
        submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, null, "完成", allMet), UNIT);
        // 7.5 for 75% spent, and 90 for the indicators.
        assertThat(results.result(id, Scope.ALL).getTotal()).isEqualByComparingTo("97.50");
        work.complete(task(id, "self-evaluation").getId(), new Decision("approve", "同意", null), DEPT);
        assertThat(selfEvaluation(id)).isWaitingAt("UserTask_FinanceRecheck");
        assertThat(results.result(id, Scope.ALL).getSampleReasons()).isEqualTo("SHARE,LARGE_BUDGET");

        assertThatThrownBy(() -> rechecks.changeScore(id, 1, new BigDecimal("10"), "培训人数核减", DEPT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rechecks.changeScore(id, 1, new BigDecimal("25.01"), "超过分值", FINANCE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("25.00");
        assertThatThrownBy(() -> rechecks.changeScore(id, 4, new BigDecimal("1"), "序号错", FINANCE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("指标序号");
        rechecks.changeScore(id, 1, new BigDecimal("10"), "培训人数核减", FINANCE);
        SelfEvaluation changed = results.result(id, Scope.ALL);
        assertThat(changed.getTotal()).isEqualByComparingTo("82.50");
        assertThat(changed.getGrade()).isEqualTo("良");
        assertThat(changed.getScoredTotal()).isEqualByComparingTo("97.50");
        // A second change of the same indicator replaces the first in the total; both stay in the list.
        rechecks.changeScore(id, 1, new BigDecimal("20"), "补充材料后复核", FINANCE);
        assertThat(results.result(id, Scope.ALL).getTotal()).isEqualByComparingTo("92.50");
        assertThat(results.changes(id, Scope.ALL)).extracting(SelfEvaluationResults.ChangeView::score)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("20.00"));
        assertThat(results.changes(id, Scope.ALL)).allMatch(c -> c.originalScore().compareTo(
                new BigDecimal("25")) == 0 && !c.superseded());

        // Finance returns it to the unit; the new report supersedes the changes and is scored afresh.
        work.complete(task(id, "self-evaluation").getId(), new Decision("return", "请补充培训签到表", null), FINANCE);
        assertThat(selfEvaluation(id)).isWaitingAt("UserTask_SelfEvaluation");
        submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, new BigDecimal("2000"), "完成",
                allMet, "年末集中支付 500 万元"), UNIT);
        assertThat(results.result(id, Scope.ALL).getTotal()).isEqualByComparingTo("100.00");
        assertThat(results.result(id, Scope.ALL).getSpentReason()).isEqualTo("年末集中支付 500 万元");
        assertThat(results.changes(id, Scope.ALL)).allMatch(SelfEvaluationResults.ChangeView::superseded);
        work.complete(task(id, "self-evaluation").getId(), new Decision("approve", "同意", null), DEPT);

        // 复核 completed from its Camunda Form in Tasklist: recorded like the task API's.
        Task recheck = task(id, "self-evaluation");
        assertThat(recheck.getTaskDefinitionKey()).isEqualTo("UserTask_FinanceRecheck");
        assertThat(tasks.getVariableLocal(recheck.getId(), "sampleReasons")).isEqualTo("随机抽样、预算规模大");
        assertThat(tasks.getVariableLocal(recheck.getId(), "decision")).isNull();
        tasks.claim(recheck.getId(), FINANCE.userId());
        tasks.complete(recheck.getId(), Variables.putValue("decision", "approve").putValue("comment", "复核通过"));
        SelfEvaluation published = results.result(id, Scope.ALL);
        assertThat(published.getStatus()).isEqualTo(SelfEvaluation.Status.PUBLISHED);
        assertThat(published.getTotal()).isEqualByComparingTo("100.00");
        assertThat(published.getRecheckedBy()).isEqualTo(FINANCE.userId());
        assertThat(results.history(id, Scope.ALL)).extracting(h -> h.step() + ":" + h.action())
                .containsExactly("绩效自评:submit", "部门审核自评:approve", "抽样复核:sampled",
                        "财政复核:score-change", "财政复核:score-change", "财政复核:return", "绩效自评:submit",
                        "部门审核自评:approve", "抽样复核:sampled", "财政复核:approve", "结果公开:published");
    }
}
