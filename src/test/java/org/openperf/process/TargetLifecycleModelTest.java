package org.openperf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * target-lifecycle on its own (bpmn/target-lifecycle.bpmn, no Spring context): it calls target-approval, then
 * target-monitoring beside the wait for the self-evaluation round, which calls self-evaluation; monitoring rounds
 * and target adjustments come in as messages at any time and call monitoring-round and target-approval. Each called
 * process is a one-task stand-in here (each has its own model test), so only the hand-over is checked: the project
 * id as business key, year, department, the card's unit and budget (read from the project, not kept on the
 * lifecycle) and a round's own variables, and that the messages reach the lifecycle.
 */
@Deployment(resources = "bpmn/target-lifecycle.bpmn")
class TargetLifecycleModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    @BeforeEach
    void deployStandIns() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("projectVariables", Delegates.projectVariables());
        var deployment = repositoryService().createDeployment();
        for (String key : List.of("target-approval", "target-monitoring", "monitoring-round", "self-evaluation")) {
            deployment.addModelInstance(key + "-stand-in.bpmn", standIn(key));
        }
        extension.manageDeployment(deployment.deploy());
    }

    /** The called process as a single waiting task: the lifecycle only needs it to end. */
    static BpmnModelInstance standIn(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .userTask("UserTask_StandIn").endEvent().done();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** As ReviewService starts it when a draft is created. */
    ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("target-lifecycle", "42",
                withVariables("year", 2024));
        assertThat(pi).isStarted().isWaitingAtExactly("CallActivity_TargetApproval");
        return pi;
    }

    /** The one running instance of the called process, checked for what every called process is handed. */
    ProcessInstance called(String key, ProcessInstance pi) {
        ProcessInstance child = calledProcessInstance(processInstanceQuery().processDefinitionKey(key).active(), pi);
        assertThat(child).hasBusinessKey("42").variables()
                .containsEntry("departmentCode", "402").containsEntry("year", 2024)
                .containsEntry("unitName", "青岛市教育局机关").containsEntry("budget", "120.00 万元");
        return child;
    }

    void finish(ProcessInstance child) {
        complete(task(child));
        assertThat(child).isEnded();
    }

    List<MessageCorrelationResult> correlate(String message, Map<String, Object> scope) {
        return runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("42")
                .setVariablesToTriggeredScope(scope).correlateAllWithResult();
    }

    ProcessInstance approved() {
        ProcessInstance pi = start();
        finish(called("target-approval", pi));
        assertThat(pi).isWaitingAtExactly("CallActivity_Monitoring", "CatchEvent_SelfEvaluationRoundOpened");
        // Monitoring begins in a job of its own, after 批复 has committed: a failure there is the lifecycle's
        // incident, not a rolled-back approval.
        assertThat(processInstanceQuery().processDefinitionKey("target-monitoring").count()).isZero();
        execute(job("CallActivity_Monitoring", pi));
        return pi;
    }

    @Test
    void approvedThenMonitoredBesideTheSelfEvaluationAndDoneWhenBothAre() {
        ProcessInstance pi = approved();
        ProcessInstance monitoring = called("target-monitoring", pi);

        // The round's message reaches the lifecycle, the only instance of the project that waits for it.
        List<MessageCorrelationResult> reached = correlate("SelfEvaluationRoundOpened", Map.of());
        assertThat(reached).singleElement().satisfies(r ->
                assertThat(r.getExecution().getProcessInstanceId()).isEqualTo(pi.getId()));
        assertThat(pi).isWaitingAtExactly("CallActivity_Monitoring", "CallActivity_SelfEvaluation");
        ProcessInstance evaluation = called("self-evaluation", pi);

        finish(evaluation);
        assertThat(pi).isWaitingAtExactly("CallActivity_Monitoring", "Gateway_PhasesDone");
        finish(monitoring);
        assertThat(pi).hasPassedInOrder("CallActivity_TargetApproval", "Gateway_Approved", "Gateway_PhasesDone",
                "EndEvent_LifecycleDone").isEnded();
    }

    @Test
    void eachMonitoringRoundCallsItsOwnInstanceWithTheRoundsVariables() {
        ProcessInstance pi = approved();

        correlate("MonitoringRoundOpened", Map.of("monitoringRoundId", 7L, "cutoffMonth", 7, "cutoffLabel", "1–7月"));
        correlate("MonitoringRoundOpened", Map.of("monitoringRoundId", 9L, "cutoffMonth", 9, "cutoffLabel", "1–9月"));
        List<ProcessInstance> rounds = processInstanceQuery().processDefinitionKey("monitoring-round")
                .processInstanceBusinessKey("42").orderByProcessInstanceId().asc().list();
        assertThat(rounds).hasSize(2).allSatisfy(r -> assertThat(r.getRootProcessInstanceId()).isEqualTo(pi.getId()));
        assertThat(rounds).extracting(r -> runtimeService().getVariable(r.getId(), "monitoringRoundId"))
                .containsExactlyInAnyOrder(7L, 9L);
        assertThat(rounds).extracting(r -> runtimeService().getVariable(r.getId(), "cutoffLabel"))
                .containsExactlyInAnyOrder("1–7月", "1–9月");
        assertThat(pi).isWaitingAt("CallActivity_MonitoringRound", "CallActivity_Monitoring",
                "CatchEvent_SelfEvaluationRoundOpened");

        finish(rounds.get(0));
        finish(rounds.get(1));
        assertThat(pi).hasPassed("EndEvent_MonitoringRoundDone")
                .isWaitingAtExactly("CallActivity_Monitoring", "CatchEvent_SelfEvaluationRoundOpened");
    }

    @Test
    void aTargetAdjustmentIsApprovedAgainWhileMonitoringGoesOn() {
        ProcessInstance pi = approved();

        correlate("TargetAdjustmentRequested", Map.of());
        assertThat(pi).isWaitingAt("CallActivity_TargetAdjustment", "CallActivity_Monitoring",
                "CatchEvent_SelfEvaluationRoundOpened");
        finish(called("target-approval", pi));

        assertThat(pi).hasPassed("EndEvent_AdjustmentApproved")
                .isWaitingAtExactly("CallActivity_Monitoring", "CatchEvent_SelfEvaluationRoundOpened");
    }

    @Test
    void noRoundReachesATableStillInApproval() {
        ProcessInstance pi = start();
        // The event subprocesses listen from the start; the self-evaluation only after approval.
        assertThat(correlate("SelfEvaluationRoundOpened", Map.of())).isEmpty();
        assertThat(pi).isWaitingAtExactly("CallActivity_TargetApproval");
    }
}
