package org.openperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.openperf.review.Approvals.DEPT;
import static org.openperf.review.Approvals.FINANCE;
import static org.openperf.review.Approvals.OTHER_UNIT;
import static org.openperf.review.Approvals.UNIT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.evaluation.SelfEvaluation;
import org.openperf.evaluation.SelfEvaluationResults;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.kernel.Scope;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.ExecutionReadingRepository;
import org.openperf.monitoring.MilestoneService;
import org.openperf.monitoring.Milestones;
import org.openperf.monitoring.MonitoringReport;
import org.openperf.monitoring.MonitoringReportInput;
import org.openperf.monitoring.MonitoringReportService;
import org.openperf.monitoring.MonitoringRound;
import org.openperf.monitoring.MonitoringRoundService;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.openperf.review.TaskList;
import org.openperf.review.TaskRow;
import org.openperf.targets.ProjectView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * One project through every process its lifecycle calls, with the real application: approved (target-approval),
 * a lagging milestone explained and accepted (target-monitoring), a monitoring round reported and reviewed
 * (monitoring-round), the self-evaluation scored, reviewed and published (self-evaluation), and the lifecycle done.
 * Every called instance carries the project as business key: the tasks are named after it, listed for its own
 * unit and department, and another unit can neither see nor complete them. Fiscal year 2080.
 */
@SpringBootTest
@ActiveProfiles("test")
class LifecycleEndToEndTest {

    static final int YEAR = 2080;

    @Autowired
    ApplicationContext context;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskList taskList;
    @Autowired
    ExecutionReadingRepository readings;
    @Autowired
    MilestoneService milestones;
    @Autowired
    MonitoringRoundService monitoringRounds;
    @Autowired
    MonitoringReportService reports;
    @Autowired
    SelfEvaluationRounds selfEvaluationRounds;
    @Autowired
    SelfEvaluationSubmissions submissions;
    @Autowired
    SelfEvaluationResults results;

    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ProcessFixture.of(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    void spent(Long id, String asOf, String amount) {
        readings.save(new ExecutionReading(id, LocalDate.parse(asOf), new BigDecimal(amount),
                ExecutionReading.Source.API, "test"));
    }

    /** Moves the clock past the project's milestone timer and runs it, as the job executor would. */
    void fireMilestone(Long id) {
        Job timer = fixture.milestoneTimer(id);
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(timer.getId());
    }

    /** The task is the project's, named after it, and listed for the caller; another unit gets a 404 for it. */
    void isTheProjects(Task task, Long id, org.openperf.kernel.Caller owner) {
        assertThat(task.getName()).contains("全过程项目");
        assertThat(taskList.todo(owner, YEAR, null, 0, 50)).extracting(TaskRow::taskId).contains(task.getId());
        assertThat(taskList.todo(OTHER_UNIT, YEAR, null, 0, 50)).extracting(TaskRow::taskId)
                .doesNotContain(task.getId());
        assertThatThrownBy(() -> work.complete(task.getId(), new Decision("approve", "越权", null), OTHER_UNIT))
                .isInstanceOf(org.openperf.kernel.NotFoundException.class);
        String key = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        assertThat(key).isEqualTo(String.valueOf(id));
    }

    static MonitoringReportInput.Row line(int index, String value) {
        return new MonitoringReportInput.Row(index, new BigDecimal(value), null, null, null, null, null, "确定能", null,
                null);
    }

    static SelfEvaluationSubmissions.IndicatorInput actual(int index, String number) {
        return new SelfEvaluationSubmissions.IndicatorInput(index, new BigDecimal(number), null, null, null, null,
                null);
    }

    @Test
    void approvedMonitoredReportedEvaluatedAndPublished() {
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 2, 1).atStartOfDay(Milestones.ZONE).toInstant()));
        Long id = fixture.approved(ProcessFixture.table(YEAR, "全过程项目").plan(List.of(
                new ProjectView.PlanRow(6, new BigDecimal("50")), new ProjectView.PlanRow(12, new BigDecimal("100")))));

        // Approved: the lifecycle has called target-monitoring and waits for the self-evaluation round.
        ProcessInstance lifecycle = fixture.lifecycle(id);
        assertThat(lifecycle).isWaitingAtExactly("CallActivity_Monitoring", "CatchEvent_SelfEvaluationRoundOpened");
        assertThat(fixture.approval(id)).isNull();
        ProcessInstance monitoring = fixture.monitoring(id);
        assertThat(monitoring).isWaitingAt("TimerEvent_Milestone").hasBusinessKey(String.valueOf(id));

        // 6月底: 10 of the 50 planned spent: red; the unit explains, the department accepts.
        spent(id, YEAR + "-06-20", "10");
        fireMilestone(id);
        Task explain = fixture.task(id, "UserTask_DeviationExplanation");
        isTheProjects(explain, id, UNIT);
        tasks.complete(explain.getId(), Map.of("deviationReasons", List.of("其他"), "deviationText", "招标推迟",
                "measures", "7月集中支付"));
        Task deviationReview = fixture.task(id, "UserTask_DeviationReview");
        isTheProjects(deviationReview, id, DEPT);
        work.complete(deviationReview.getId(), new Decision("approve", "同意纠偏措施", null), DEPT);
        // Recorded by 记录偏差说明 after the decision's commit; monitoring goes on to 12月底.
        assertThat(milestones.results(id)).singleElement()
                .satisfies(r -> assertThat(r.getReviewDecision()).isEqualTo("approve"));
        assertThat(monitoring).isWaitingAt("TimerEvent_Milestone");

        // A 1–7月 monitoring round: its own monitoring-round instance, reported by the unit on schedule (green), the
        // department approves.
        spent(id, YEAR + "-07-20", "60");
        MonitoringRound round = monitoringRounds.open(YEAR, 7, FINANCE);
        assertThat(round.getProjects()).isEqualTo(1);
        assertThat(fixture.monitoringRounds(id)).singleElement()
                .satisfies(r -> assertThat(r.getRootProcessInstanceId()).isEqualTo(lifecycle.getId()));
        isTheProjects(fixture.task(id, "UserTask_MonitoringReport"), id, UNIT);
        MonitoringReport report = reports.submit(id, new MonitoringReportInput(round.getId(), null, null,
                new BigDecimal("100"), List.of(line(0, "500"), line(1, "25"), line(2, "58"), line(3, "55"))), UNIT);
        Task reportReview = fixture.task(id, "UserTask_MonitoringDepartmentReview");
        isTheProjects(reportReview, id, DEPT);
        work.complete(reportReview.getId(), new Decision("approve", "同意", null), DEPT);
        assertThat(reports.reports(id, Scope.ALL)).singleElement().satisfies(r -> {
            assertThat(r.getId()).isEqualTo(report.getId());
            assertThat(r.getStatus()).isEqualTo(MonitoringReport.Status.APPROVED);
        });
        assertThat(fixture.monitoringRounds(id)).isEmpty();

        // The self-evaluation round: scored after the unit's submission, reviewed, re-checked if drawn, published.
        spent(id, YEAR + "-12-31", "100");
        selfEvaluationRounds.openRound(YEAR, FINANCE);
        assertThat(lifecycle).isWaitingAtExactly("CallActivity_Monitoring", "CallActivity_SelfEvaluation");
        ProcessInstance evaluation = fixture.selfEvaluation(id);
        isTheProjects(fixture.task(id, "UserTask_SelfEvaluation"), id, UNIT);
        submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, new BigDecimal("100"), "全面完成",
                List.of(actual(0, "500"), actual(1, "40"), actual(2, "95"), actual(3, "92"))), UNIT);
        assertThat(results.result(id, Scope.ALL).getStatus()).isEqualTo(SelfEvaluation.Status.SCORED);
        Task evaluationReview = fixture.task(id, "UserTask_SelfEvaluationReview");
        isTheProjects(evaluationReview, id, DEPT);
        work.complete(evaluationReview.getId(), new Decision("approve", "自评属实", null), DEPT);
        Task recheck = fixture.task(id, "UserTask_FinanceRecheck");
        if (recheck != null) {
            isTheProjects(recheck, id, FINANCE);
            work.complete(recheck.getId(), new Decision("approve", "复核无异议", null), FINANCE);
        }
        assertThat(results.result(id, Scope.ALL).getStatus()).isEqualTo(SelfEvaluation.Status.PUBLISHED);
        assertThat(evaluation).hasPassed("ServiceTask_Publish").isEnded();
        assertThat(lifecycle).isWaitingAtExactly("CallActivity_Monitoring", "Gateway_PhasesDone");

        // 12月底, fully spent: monitoring ends, and with it the lifecycle.
        fireMilestone(id);
        assertThat(monitoring).hasPassed("EndEvent_Monitoring").isEnded();
        assertThat(lifecycle).hasPassed("CallActivity_TargetApproval", "CallActivity_Monitoring",
                "CallActivity_MonitoringRound", "CallActivity_SelfEvaluation", "EndEvent_LifecycleDone").isEnded();
    }
}
