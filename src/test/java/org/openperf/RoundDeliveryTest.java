package org.openperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.evaluation.RecheckSampling;
import org.openperf.evaluation.SelfEvaluationRoundDelivery;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.RoundDeliveries;
import org.openperf.kernel.Scope;
import org.openperf.monitoring.MonitoringRound;
import org.openperf.monitoring.MonitoringRoundDelivery;
import org.openperf.monitoring.MonitoringRoundService;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.ProjectService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A round reaches its tables in batches ({@code perf.rounds.delivery-batch}, 2 here), each a job of its own: the
 * opening answers at once with how many it will reach, the round shows how far its delivery has come, every approved
 * table gets exactly one task, and nobody else gets one, even when a delivery is run twice.
 */
@SpringBootTest(properties = "perf.rounds.delivery-batch=2")
@ActiveProfiles("test")
class RoundDeliveryTest {

    static final int YEAR = 2074;

    @Autowired
    ApplicationContext context;
    @Autowired
    MonitoringRoundService monitoringRounds;
    @Autowired
    SelfEvaluationRounds evaluationRounds;
    @Autowired
    RecheckSampling sampling;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ReviewTasks work;
    @Autowired
    RepositoryService repository;
    @Autowired
    RoundDeliveries deliveries;
    @Autowired
    ProjectService projects;

    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ProcessFixture.of(context);
    }

    List<Long> approved(int year, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> fixture.approved(ProcessFixture.table(year, "送达测试项目 " + year + "-" + i))).toList();
    }

    /** The next job of the round's delivery, as the job executor would take it. */
    boolean runOneDeliveryJob(String process) {
        Job job = management.createJobQuery().processDefinitionKey(process).executable().listPage(0, 1).stream()
                .findFirst().orElse(null);
        if (job == null) {
            return false;
        }
        management.executeJob(job.getId());
        return true;
    }

    /** The approval of a table while jobs are held: its own jobs run by hand after each step. */
    void approveHeld(Long id) {
        work.submit(id, null, Approvals.UNIT);
        settle(id);
        work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意", null), Approvals.DEPT);
        settle(id);
        work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意", null), Approvals.FINANCE);
        settle(id);
        assertThat(projects.table(id).getVersion()).isEqualTo(1);
    }

    void settle(Long id) {
        for (int i = 0; i < 20; i++) {
            List<String> instances = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(id)).list().stream().map(p -> p.getId()).toList();
            List<Job> due = management.createJobQuery().processInstanceIds(new java.util.HashSet<>(instances))
                    .messages().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
        }
    }

    long tasksOf(List<Long> ids, String step) {
        return ids.stream().mapToLong(id -> tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .taskDefinitionKey(step).count()).sum();
    }

    MonitoringRound monitoringRound(long id) {
        return monitoringRounds.round(id);
    }

    @Test
    void aMonitoringRoundIsDeliveredBatchByBatchAndShowsItsProgress() throws Exception {
        List<Long> ids = approved(YEAR, 5);
        Long draft = fixture.draft(ProcessFixture.table(YEAR, "送达测试草稿"));
        // An approved table whose lifecycle is gone (ended by an administrator): asked, but nobody to reach.
        Long gone = approved(YEAR, 1).get(0);
        runtime.deleteProcessInstance(fixture.lifecycle(gone).getId(), "测试：全过程已终止");
        MonitoringRound opened;
        try (AutoCloseable held = EngineWorkAfterCommit.hold()) {
            opened = monitoringRounds.open(YEAR, 6, Approvals.FINANCE);
            // The answer comes before any task: it says how many tables the round asks.
            assertThat(opened.getProjects()).isEqualTo(6);
            assertThat(opened.getDelivery().getReached()).isZero();
            assertThat(opened.getDelivery().getDeliveredAt()).isNull();
            assertThat(tasksOf(ids, "UserTask_MonitoringReport")).isZero();

            assertThat(runOneDeliveryJob(MonitoringRoundDelivery.PROCESS)).isTrue();
            assertThat(tasksOf(ids, "UserTask_MonitoringReport")).isEqualTo(2);
            assertThat(monitoringRound(opened.getId()).getDelivery().getReached()).isEqualTo(2);
            assertThat(monitoringRound(opened.getId()).getDelivery().getDeliveredAt()).isNull();
            String key = MonitoringRoundDelivery.businessKey(opened.getId());
            assertThat(deliveries.problem(MonitoringRoundDelivery.PROCESS, key)).isNull();

            // An administrator moving the delivery on to its last step early: refused, and the round says so.
            String delivery = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult()
                    .getId();
            runtime.createProcessInstanceModification(delivery)
                    .startBeforeActivity("ServiceTask_ReachDepartmentTables").execute();
            Job early = management.createJobQuery().processInstanceId(delivery).activityId(
                    "ServiceTask_ReachDepartmentTables").singleResult();
            assertThatThrownBy(() -> management.executeJob(early.getId())).hasMessageContaining("4 张目标表未送达");
            assertThat(deliveries.problem(MonitoringRoundDelivery.PROCESS, key)).contains("自动重试");
            assertThat(monitoringRound(opened.getId()).getDelivery().getDeliveredAt()).isNull();

            while (runOneDeliveryJob(MonitoringRoundDelivery.PROCESS)) {
                // batches of 2 and 2, then the department tables
            }
            // The early step, retried later, finds the round delivered and ends the delivery.
            management.executeJob(early.getId());
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        }
        MonitoringRound delivered = monitoringRound(opened.getId());
        assertThat(delivered.getDelivery().getReached()).isEqualTo(5);
        assertThat(delivered.getDelivery().getDeliveredAt()).isNotNull();
        assertThat(delivered.getDelivery().getDepartmentTables()).isZero();
        for (Long id : ids) {
            assertThat(tasksOf(List.of(id), "UserTask_MonitoringReport")).as("table %d", id).isEqualTo(1);
        }
        assertThat(tasksOf(List.of(draft, gone), "UserTask_MonitoringReport")).isZero();

        // A second delivery of the same round (an administrator starting it again) reaches nobody twice.
        runtime.startProcessInstanceByKey(MonitoringRoundDelivery.PROCESS,
                Variables.createVariables().putValue("roundId", opened.getId()));
        while (runOneDeliveryJob(MonitoringRoundDelivery.PROCESS)) {
            // runs to its end
        }
        assertThat(tasksOf(ids, "UserTask_MonitoringReport")).isEqualTo(5);
        assertThat(monitoringRound(opened.getId()).getDelivery().getReached()).isEqualTo(5);
    }

    @Test
    void aSelfEvaluationRoundFixesItsPopulationAtOpeningAndReachesItBatchByBatch() throws Exception {
        int year = YEAR + 1;
        List<Long> ids = approved(year, 3);
        Long gone = approved(year, 1).get(0);
        runtime.deleteProcessInstance(fixture.lifecycle(gone).getId(), "测试：全过程已终止");
        SelfEvaluationRounds.RoundOpened opened;
        try (AutoCloseable held = EngineWorkAfterCommit.hold()) {
            opened = evaluationRounds.openRound(year, 7L, Approvals.FINANCE);
            assertThat(opened.projects()).isEqualTo(4);
            assertThat(tasksOf(ids, "UserTask_SelfEvaluation")).isZero();
            // Finance's sample is drawn from the population fixed at opening, before any task is there.
            assertThat(sampling.sample(year, Scope.ALL).roundProjects()).isEqualTo(4);
            assertThatThrownBy(() -> evaluationRounds.round(year, Approvals.UNIT))
                    .isInstanceOf(ForbiddenException.class);

            // A table approved while the round is being delivered is not in it.
            Long late = fixture.draft(ProcessFixture.table(year, "送达中批复的项目"));
            approveHeld(late);
            assertThat(runOneDeliveryJob(SelfEvaluationRoundDelivery.PROCESS)).isTrue();
            SelfEvaluationRounds.RoundView half = evaluationRounds.round(year, Approvals.FINANCE);
            assertThat(half.reached()).isEqualTo(2);
            assertThat(half.delivered()).isFalse();
            assertThat(half.problem()).isNull();
            while (runOneDeliveryJob(SelfEvaluationRoundDelivery.PROCESS)) {
                // the last batch of 1, then the department tables
            }
            assertThat(tasksOf(List.of(late), "UserTask_SelfEvaluation")).isZero();
        }
        SelfEvaluationRounds.RoundView view = evaluationRounds.round(year, Approvals.FINANCE);
        assertThat(view.projects()).isEqualTo(4);
        assertThat(view.reached()).isEqualTo(3);
        // The project whose lifecycle had ended is out of the sample's population: it will never self-evaluate.
        assertThat(sampling.sample(year, Scope.ALL).roundProjects()).isEqualTo(3);
        assertThat(view.delivered()).isTrue();
        assertThat(view.deliveredAt()).isAfterOrEqualTo(view.openedAt());
        for (Long id : ids) {
            assertThat(tasksOf(List.of(id), "UserTask_SelfEvaluation")).as("project %d", id).isEqualTo(1);
        }
        // The seed finance gave stays, and a second opening is refused.
        assertThat(sampling.sample(year, Scope.ALL).seed()).isEqualTo(7L);
        assertThatThrownBy(() -> evaluationRounds.openRound(year, 8L, Approvals.FINANCE))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aTableWhoseLifecycleFailsToTakeTheRoundIsPassedByAndTheRestAreReached() throws Exception {
        int year = YEAR + 2;
        List<Long> ids = approved(year, 4);
        Long broken = ids.get(1);
        // Beside its lifecycle, an instance with the table's key that fails when the round's message reaches it.
        BpmnModelInstance failing = Bpmn.createExecutableProcess("round-delivery-test-failing")
                .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent()
                .message(MonitoringRoundService.MESSAGE).serviceTask().camundaExpression("${noSuchBean.reach()}")
                .endEvent().done();
        String deployment = repository.createDeployment().addModelInstance("failing.bpmn", failing).deploy().getId();
        try {
            runtime.startProcessInstanceByKey("round-delivery-test-failing", String.valueOf(broken));
            MonitoringRound opened;
            try (AutoCloseable held = EngineWorkAfterCommit.hold()) {
                opened = monitoringRounds.open(year, 6, Approvals.FINANCE);
                String key = MonitoringRoundDelivery.businessKey(opened.getId());
                Job batch = management.createJobQuery().processDefinitionKey(MonitoringRoundDelivery.PROCESS)
                        .singleResult();
                assertThatThrownBy(() -> management.executeJob(batch.getId())).hasMessageContaining("noSuchBean");
                // The batch rolled back whole: nobody has a task yet, and the round says a batch failed.
                assertThat(tasksOf(ids, "UserTask_MonitoringReport")).isZero();
                assertThat(deliveries.problem(MonitoringRoundDelivery.PROCESS, key)).contains("自动重试");

                // Its retry, due five minutes later, as the job executor would run it then: without the broken table.
                // Its batch of two is the first table and the third.
                management.executeJob(batch.getId());
                assertThat(tasksOf(ids, "UserTask_MonitoringReport")).isEqualTo(2);
                while (runOneDeliveryJob(MonitoringRoundDelivery.PROCESS)) {
                    // the fourth table, then the department tables
                }
            }
            MonitoringRound delivered = monitoringRound(opened.getId());
            assertThat(delivered.getProjects()).isEqualTo(4);
            assertThat(delivered.getDelivery().getReached()).isEqualTo(3);
            assertThat(delivered.getDelivery().isDelivered()).isTrue();
            for (Long id : ids) {
                assertThat(tasksOf(List.of(id), "UserTask_MonitoringReport")).as("table %d", id)
                        .isEqualTo(id.equals(broken) ? 0 : 1);
            }
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }
}
