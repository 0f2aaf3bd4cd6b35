package org.openperf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openperf.review.ReviewDeadlines;

/**
 * Instances of the first target-lifecycle (one model with every phase, kept as
 * src/test/resources/process/legacy/target-lifecycle-v1.bpmn) when the split version is deployed (docs/migration.md):
 * one still in approval is migrated with the engine's migration API and goes on in the called processes; one already
 * in monitoring cannot be (its timer and tasks now live in target-monitoring) and runs to its end on the first
 * version, rounds and self-evaluation included, while new instances start on the new one.
 */
class LifecycleMigrationTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    static final Date MARCH = Date.from(Instant.parse("2024-03-31T16:00:00Z"));

    ProcessDefinition first;
    ProcessDefinition split;

    @BeforeEach
    void deployBothVersions() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("stepListener", new StepRecorder());
        Mocks.register("projectGroups", Delegates.groups());
        Mocks.register("projectVariables", Delegates.projectVariables());
        Mocks.register("reviewDeadlines", new ReviewDeadlines(10, "0 0 * * * ?", 200));
        Mocks.register("prepareSelfEvaluationForm", mock(TaskListener.class));
        Mocks.register("prepareRecheckForm", mock(TaskListener.class));
        Mocks.register("recordDeviation", Delegates.quiet());
        Mocks.register("scoreSelfEvaluation", Delegates.quiet());
        Mocks.register("markSelfEvaluationReviewed", Delegates.quiet());
        Mocks.register("publishSelfEvaluation", Delegates.quiet());
        Mocks.register("planNextMilestone", Delegates.planning(MARCH));
        Mocks.register("checkMilestone", Delegates.setting("executionLight", "GREEN"));
        Mocks.register("decideRecheck", Delegates.setting("recheck", false));
        // target-approval as a single waiting task (it has its own model test); it is the same in both versions.
        extension.manageDeployment(repositoryService().createDeployment().name("first")
                .addModelInstance("target-approval-stand-in.bpmn", Bpmn.createExecutableProcess("target-approval")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("UserTask_Approval").endEvent().done())
                .addClasspathResource("process/legacy/target-lifecycle-v1.bpmn").deploy());
        first = latest();
    }

    /** What going live with the split does: the lifecycle and the processes it calls are deployed. */
    void deploySplit() {
        extension.manageDeployment(repositoryService().createDeployment().name("split")
                .addClasspathResource("bpmn/target-lifecycle.bpmn")
                .addClasspathResource("bpmn/target-monitoring.bpmn")
                .addClasspathResource("bpmn/monitoring-round.bpmn")
                .addClasspathResource("bpmn/self-evaluation.bpmn").deploy());
        split = latest();
        assertThat(split.getVersion()).isGreaterThan(first.getVersion());
    }

    static ProcessDefinition latest() {
        return repositoryService().createProcessDefinitionQuery().processDefinitionKey("target-lifecycle")
                .latestVersion().singleResult();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    ProcessInstance start(String project) {
        return runtimeService().startProcessInstanceByKey("target-lifecycle", project,
                withVariables("departmentCode", "402", "year", 2024));
    }

    void approve(ProcessInstance lifecycle) {
        ProcessInstance approval = processInstanceQuery().processDefinitionKey("target-approval")
                .superProcessInstanceId(lifecycle.getId()).singleResult();
        complete(task(approval));
    }

    /** The plan docs/migration.md runs: every activity mapped to the one of the same id, where there is one. */
    MigrationPlan plan() {
        return runtimeService().createMigrationPlan(first.getId(), split.getId()).mapEqualActivities().build();
    }

    @Test
    void anInstanceInApprovalIsMigratedAndGoesOnInTheCalledProcesses() {
        ProcessInstance inApproval = start("41");
        assertThat(inApproval).isWaitingAtExactly("CallActivity_TargetApproval");
        deploySplit();

        List<String> waiting = runtimeService().createProcessInstanceQuery().processDefinitionId(first.getId())
                .activityIdIn("CallActivity_TargetApproval").list().stream().map(ProcessInstance::getId).toList();
        assertThat(waiting).containsExactly(inApproval.getId());
        runtimeService().newMigration(plan()).processInstanceIds(waiting).execute();

        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(inApproval.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(split.getId());
        // The approval it had called goes on where it was; its end leads into the new version's phases.
        approve(inApproval);
        assertThat(inApproval).isWaitingAtExactly("CallActivity_Monitoring", "CatchEvent_SelfEvaluationRoundOpened");
        execute(job("CallActivity_Monitoring", inApproval));
        ProcessInstance monitoring = processInstanceQuery().processDefinitionKey("target-monitoring")
                .superProcessInstanceId(inApproval.getId()).singleResult();
        assertThat(monitoring).hasBusinessKey("41").isWaitingAt("TimerEvent_Milestone");
        // Its event subprocesses were migrated too: a monitoring round reaches it, in a monitoring-round instance.
        runtimeService().createMessageCorrelation("MonitoringRoundOpened").processInstanceBusinessKey("41")
                .correlateAll();
        assertThat(processInstanceQuery().processDefinitionKey("monitoring-round").processInstanceBusinessKey("41")
                .singleResult()).isNotNull();
    }

    @Test
    void anInstanceInMonitoringCannotBeMigratedAndRunsToItsEndOnTheFirstVersion() {
        ProcessInstance inMonitoring = start("43");
        approve(inMonitoring);
        assertThat(inMonitoring).isWaitingAt("TimerEvent_Milestone", "CatchEvent_SelfEvaluationRoundOpened");
        deploySplit();

        // The migration refuses it as a whole: its timer has no counterpart in the new lifecycle.
        assertThatThrownBy(() -> runtimeService().newMigration(plan()).processInstanceIds(inMonitoring.getId())
                .execute()).isInstanceOf(MigratingProcessInstanceValidationException.class)
                .hasMessageContaining("TimerEvent_Milestone");
        // A new table starts on the new version meanwhile.
        ProcessInstance fresh = start("44");
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(fresh.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(split.getId());

        // The first version's milestone, monitoring round and self-evaluation all still work in the old instance.
        Job timer = managementService().createJobQuery().processInstanceId(inMonitoring.getId()).timers()
                .singleResult();
        execute(timer);
        assertThat(inMonitoring).hasPassed("EndEvent_Monitoring");
        runtimeService().createMessageCorrelation("MonitoringRoundOpened").processInstanceBusinessKey("43")
                .correlateAll();
        assertThat(inMonitoring).isWaitingAt("UserTask_MonitoringReport");
        complete(taskQuery().processInstanceId(inMonitoring.getId()).taskDefinitionKey("UserTask_MonitoringReport")
                .singleResult(), withVariables("monitoringReportLight", "GREEN"));
        complete(taskQuery().processInstanceId(inMonitoring.getId())
                .taskDefinitionKey("UserTask_MonitoringDepartmentReview").singleResult(),
                withVariables("decision", "approve"));
        runtimeService().createMessageCorrelation("SelfEvaluationRoundOpened").processInstanceVariableEquals("year", 2024)
                .correlateAll();
        assertThat(inMonitoring).isWaitingAt("UserTask_SelfEvaluation");
        complete(taskQuery().processInstanceId(inMonitoring.getId()).singleResult());
        complete(taskQuery().processInstanceId(inMonitoring.getId()).singleResult(),
                withVariables("decision", "approve"));
        assertThat(inMonitoring).hasPassed("ServiceTask_Publish", "EndEvent_LifecycleDone").isEnded();
        assertThat(fresh).isWaitingAtExactly("CallActivity_TargetApproval");
    }
}
