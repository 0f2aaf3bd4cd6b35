package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.ProcessFixture;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.ProjectView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The monitoring phase (target-monitoring, called by target-lifecycle) through a fiscal year with the engine clock moved: each milestone
 * timer is due at the end of its month (Asia/Shanghai), fires once, and yields the light the rules give for the
 * spending loaded by then; a red or yellow light asks the unit for a deviation explanation the department reviews.
 */
@SpringBootTest
@ActiveProfiles("test")
class MilestoneProcessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ReviewTasks work;
    @Autowired
    ExecutionReadingRepository readings;
    @Autowired
    MilestoneService milestones;
    @Autowired
    org.openperf.review.ReviewService review;

    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ProcessFixture.of(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Instant shanghai(String localDateTime) {
        return LocalDate.parse(localDateTime.substring(0, 10)).atStartOfDay(Milestones.ZONE).toInstant();
    }

    /** A 2024 table with the given plan, approved on 1 February 2024 by the three roles. */
    Long approved(String name, List<ProjectView.PlanRow> plan) {
        ClockUtil.setCurrentTime(Date.from(shanghai("2024-02-01")));
        return fixture.approved(ProcessFixture.table(2024, name).plan(plan));
    }

    ProcessInstance lifecycle(Long id) {
        return fixture.lifecycle(id);
    }

    final Map<Long, ProcessInstance> monitorings = new HashMap<>();

    /** The project's target-monitoring, called by its lifecycle once approved; kept, to assert on it once ended. */
    ProcessInstance monitoring(Long id) {
        return monitorings.computeIfAbsent(id, fixture::monitoring);
    }

    Job timer(Long id) {
        return management.createJobQuery().processInstanceId(monitoring(id).getId()).timers().singleResult();
    }

    void spent(Long id, String asOf, String amount) {
        readings.save(new ExecutionReading(id, LocalDate.parse(asOf), new BigDecimal(amount),
                ExecutionReading.Source.API, "test"));
    }

    /** Moves the clock past the due timer and runs it, as the job executor would. */
    void fire(Long id) {
        Job job = timer(id);
        ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(job.getId());
    }

    static final List<ProjectView.PlanRow> PLAN = List.of(
            new ProjectView.PlanRow(3, new BigDecimal("30")), new ProjectView.PlanRow(6, new BigDecimal("60")),
            new ProjectView.PlanRow(10, new BigDecimal("90")), new ProjectView.PlanRow(12, new BigDecimal("100")));

    @Test
    void milestonesOfThePlanFireAtMonthEndsAndALaggingProjectExplains() {
        Long id = approved("监控节点项目", PLAN);
        assertThat(monitoring(id)).isWaitingAt("TimerEvent_Milestone").hasBusinessKey(String.valueOf(id));
        assertThat(lifecycle(id)).isWaitingAt("CallActivity_Monitoring", "CatchEvent_SelfEvaluationRoundOpened");
        assertThat(timer(id).getDuedate().toInstant()).isEqualTo(Instant.parse("2024-03-31T16:00:00Z"));

        // 3月底: 24 of 100 spent against 30% planned: 80.00% of plan, green (the edge).
        spent(id, "2024-03-25", "24");
        spent(id, "2024-04-02", "50"); // after the milestone: not counted
        fire(id);
        assertThat(milestones.results(id)).singleElement().satisfies(r -> {
            assertThat(r.getMonth()).isEqualTo(3);
            assertThat(r.getLight()).isEqualTo(Light.GREEN);
            assertThat(r.getRatio()).isEqualByComparingTo("80.00");
        });
        assertThat(timer(id).getDuedate().toInstant()).isEqualTo(Instant.parse("2024-06-30T16:00:00Z"));

        // 6月底: 50 spent against 60% planned: 83.33%, green; then 10月底: 53 against 90%: 58.89%, red.
        fire(id);
        assertThat(milestones.results(id).get(1).getLight()).isEqualTo(Light.GREEN);
        assertThat(timer(id).getDuedate().toInstant()).isEqualTo(Instant.parse("2024-10-31T16:00:00Z"));
        spent(id, "2024-10-31", "53");
        fire(id);
        assertThat(milestones.results(id).get(2).getLight()).isEqualTo(Light.RED);
        assertThat(monitoring(id)).isWaitingAt("UserTask_DeviationExplanation");
        Task explain = tasks.createTaskQuery().processInstanceId(monitoring(id).getId()).singleResult();
        assertThat(tasks.getIdentityLinksForTask(explain.getId())).anyMatch(l -> "unit-402001".equals(l.getGroupId()));
        tasks.complete(explain.getId(), Map.of("deviationReasons", List.of("经费保障", "其他"),
                "deviationText", "培训推迟到11月", "measures", "11月集中支付"));

        Task review = tasks.createTaskQuery().processInstanceId(monitoring(id).getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("UserTask_DeviationReview");
        tasks.claim(review.getId(), "d402");
        tasks.complete(review.getId(), Map.of("decision", "approve", "comment", "同意纠偏措施"));
        MilestoneResult october = milestones.results(id).get(2);
        assertThat(october.getReasons()).isEqualTo("经费保障、其他");
        assertThat(october.getMeasures()).isEqualTo("11月集中支付");
        assertThat(october.getReviewDecision()).isEqualTo("approve");

        assertThat(timer(id).getDuedate().toInstant()).isEqualTo(Instant.parse("2024-12-31T16:00:00Z"));
        spent(id, "2024-12-31", "100");
        fire(id);
        assertThat(milestones.results(id)).extracting(MilestoneResult::getMonth).containsExactly(3, 6, 10, 12);
        assertThat(monitoring(id)).hasPassed("EndEvent_Monitoring").isEnded();
        assertThat(lifecycle(id)).hasPassed("CallActivity_Monitoring").isWaitingAt("CatchEvent_SelfEvaluationRoundOpened");
    }

    /** A project whose 3月底 milestone is red (nothing spent), waiting at 偏差说明. */
    Long lagging(String name) {
        Long id = approved(name, PLAN);
        fire(id);
        assertThat(monitoring(id)).isWaitingAt("UserTask_DeviationExplanation");
        return id;
    }

    Task step(Long id) {
        return tasks.createTaskQuery().processInstanceId(monitoring(id).getId()).singleResult();
    }

    List<String> deviationHistory(Long id) {
        return review.history(id).stream().filter(o -> "审核偏差说明".equals(o.getStep()))
                .map(o -> o.getAction() + ":" + o.getUserId()).toList();
    }

    @Test
    void aDeviationReviewIsRecordedOnceAndAReturnNeedsAnOpinionWhicheverWayItIsCompleted() {
        // Tasklist's form: the explanation without its measures, then a return without an opinion, are refused.
        Long viaForm = lagging("表单审核偏差项目");
        assertThatThrownBy(() -> tasks.complete(step(viaForm).getId(), Map.of("deviationText", "招标延后")))
                .hasStackTraceContaining("纠偏措施");
        tasks.complete(step(viaForm).getId(), Map.of("deviationReasons", List.of("经费保障"),
                "deviationText", "招标延后", "measures", "7月集中支付"));
        Task review = step(viaForm);
        tasks.claim(review.getId(), "d402");
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("decision", "return")))
                .hasStackTraceContaining("退回偏差说明时必须填写审核意见");
        assertThat(step(viaForm).getTaskDefinitionKey()).isEqualTo("UserTask_DeviationReview");
        tasks.complete(review.getId(), Map.of("decision", "return", "comment", "措施不具体"));
        assertThat(deviationHistory(viaForm)).containsExactly("return:d402");
        assertThat(step(viaForm).getTaskDefinitionKey()).isEqualTo("UserTask_DeviationExplanation");

        // The app's task API: one history row, with who decided.
        Long viaApi = lagging("接口审核偏差项目");
        tasks.complete(step(viaApi).getId(), Map.of("deviationText", "招标延后", "measures", "7月集中支付"));
        assertThatThrownBy(() -> work.complete(step(viaApi).getId(), new Decision("return", " ", null), Approvals.DEPT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("审核意见");
        work.complete(step(viaApi).getId(), new Decision("approve", "同意", null), Approvals.DEPT);
        assertThat(deviationHistory(viaApi)).containsExactly("approve:d402");
        assertThat(milestones.results(viaApi).get(0).getReviewDecision()).isEqualTo("approve");
    }

    @Test
    void withoutAPlanTheDefaultMilestonesAndTheLinearScheduleApply() {
        Long id = approved("无支出计划项目", List.of());
        assertThat(timer(id).getDuedate().toInstant()).isEqualTo(Instant.parse("2024-03-31T16:00:00Z"));
        // 3月底 linear 25%: 14.99 spent is 59.96% of schedule → red, 15 would be yellow.
        spent(id, "2024-03-31", "14.99");
        fire(id);
        assertThat(milestones.results(id).get(0).getLight()).isEqualTo(Light.RED);
        assertThat(monitoring(id)).isWaitingAt("UserTask_DeviationExplanation");
    }

    @Test
    void aPlanWhoseEarlyMilestonesAreZeroIsGreenThere() {
        Long id = approved("前期零支出项目", List.of(new ProjectView.PlanRow(3, BigDecimal.ZERO),
                new ProjectView.PlanRow(6, BigDecimal.ZERO), new ProjectView.PlanRow(12, new BigDecimal("100"))));
        fire(id);
        assertThat(milestones.results(id).get(0).getLight()).isEqualTo(Light.GREEN);
        assertThat(timer(id).getDuedate().toInstant()).isEqualTo(Instant.parse("2024-06-30T16:00:00Z"));
    }

    @Test
    void aMilestoneIsCheckedOnceEvenIfItsJobRunsAgain() {
        Long id = approved("只计算一次项目", PLAN);
        spent(id, "2024-03-31", "30");
        fire(id);
        MilestoneResult first = milestones.results(id).get(0);
        spent(id, "2024-03-31", "1");
        MilestoneResult again = milestones.check(id, 3);
        assertThat(again.getSpent()).isEqualByComparingTo(first.getSpent());
        assertThat(milestones.results(id)).hasSize(1);
    }
}
