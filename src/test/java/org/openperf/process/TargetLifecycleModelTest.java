package org.openperf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
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
 * target-lifecycle on its own (bpmn/target-lifecycle.bpmn, no Spring context): after approval the milestone loop
 * and the wait for the self-evaluation round run side by side; monitoring rounds and target adjustments come in
 * as messages at any time without disturbing them. The called target-approval is a one-task stand-in here (it has
 * its own TargetApprovalModelTest), so only the hand-over is checked: the project id as business key, year and
 * department.
 */
@Deployment(resources = "bpmn/target-lifecycle.bpmn")
class TargetLifecycleModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    static final Date MARCH = Date.from(Instant.parse("2024-03-31T16:00:00Z"));
    static final Date JUNE = Date.from(Instant.parse("2024-06-30T16:00:00Z"));

    final StepRecorder steps = new StepRecorder();
    final TaskListener prepareSelfEvaluationForm = mock(TaskListener.class);
    final TaskListener prepareRecheckForm = mock(TaskListener.class);
    final JavaDelegate recordDeviation = Delegates.quiet();
    final JavaDelegate scoreSelfEvaluation = Delegates.quiet();
    final JavaDelegate markSelfEvaluationReviewed = Delegates.quiet();
    final JavaDelegate publishSelfEvaluation = Delegates.quiet();
    JavaDelegate planNextMilestone = Delegates.planning(MARCH, JUNE);
    JavaDelegate checkMilestone = Delegates.setting("executionLight", "GREEN");
    JavaDelegate decideRecheck = Delegates.setting("recheck", false);

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("stepListener", steps);
        Mocks.register("projectGroups", Delegates.groups());
        Mocks.register("reviewDeadlines", new ReviewDeadlines(10, "0 0 * * * ?", 200));
        Mocks.register("prepareSelfEvaluationForm", prepareSelfEvaluationForm);
        Mocks.register("prepareRecheckForm", prepareRecheckForm);
        Mocks.register("recordDeviation", recordDeviation);
        Mocks.register("scoreSelfEvaluation", scoreSelfEvaluation);
        Mocks.register("markSelfEvaluationReviewed", markSelfEvaluationReviewed);
        Mocks.register("publishSelfEvaluation", publishSelfEvaluation);
        registerRouting();
        // target-approval as a single waiting task: the lifecycle only needs it to end.
        extension.manageDeployment(repositoryService().createDeployment()
                .addModelInstance("target-approval-stand-in.bpmn", Bpmn.createExecutableProcess("target-approval")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("UserTask_Approval").endEvent().done())
                .deploy());
    }

    /** The delegates whose variables the gateways read; a test that wants other answers replaces them first. */
    void registerRouting() {
        Mocks.register("planNextMilestone", planNextMilestone);
        Mocks.register("checkMilestone", checkMilestone);
        Mocks.register("decideRecheck", decideRecheck);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** As ReviewService starts it when a draft is created. */
    ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("target-lifecycle", "42",
                withVariables("departmentCode", "402", "year", 2024));
        assertThat(pi).isStarted().isWaitingAt("CallActivity_TargetApproval");
        return pi;
    }

    /** The called target-approval (original or adjustment) ends: the table is approved. */
    void approve(ProcessInstance pi) {
        ProcessInstance approval = calledProcessInstance("target-approval", pi);
        assertThat(approval).hasBusinessKey("42").variables()
                .containsEntry("departmentCode", "402").containsEntry("year", 2024);
        complete(task(approval));
        assertThat(pi).isActive(); // task() and job() are the lifecycle's again
    }

    void correlate(String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("42").correlate();
    }

    @Test
    void approvedMonitoredEvaluatedAndPublished() throws Exception {
        ProcessInstance pi = start();
        approve(pi);
        assertThat(pi).isWaitingAt("TimerEvent_Milestone", "CatchEvent_SelfEvaluationRoundOpened");
        assertThat(job()).hasDueDate(MARCH);

        execute(job());
        assertThat(pi).isWaitingAt("TimerEvent_Milestone", "CatchEvent_SelfEvaluationRoundOpened");
        assertThat(job()).hasDueDate(JUNE);
        execute(job());
        // No milestone left: monitoring is over and waits at the join for the self-evaluation.
        assertThat(pi).hasPassed("EndEvent_Monitoring")
                .isWaitingAtExactly("Gateway_PhasesDone", "CatchEvent_SelfEvaluationRoundOpened");
        verify(checkMilestone, times(2)).execute(any());
        verify(planNextMilestone, times(3)).execute(any());

        correlate("SelfEvaluationRoundOpened");
        assertThat(pi).isWaitingAtExactly("Gateway_PhasesDone", "UserTask_SelfEvaluation");
        assertThat(task()).hasCandidateGroup(Delegates.UNIT_GROUP);
        verify(prepareSelfEvaluationForm).notify(any());

        complete(task());
        assertThat(pi).isWaitingAt("UserTask_SelfEvaluationReview");
        assertThat(task()).hasCandidateGroup(Delegates.DEPARTMENT_GROUP);
        verify(scoreSelfEvaluation).execute(any());

        complete(task(), withVariables("decision", "approve"));
        assertThat(pi).hasPassedInOrder("ServiceTask_SelfEvaluationReviewed", "ServiceTask_DecideRecheck",
                "ServiceTask_Publish", "EndEvent_LifecycleDone").hasNotPassed("UserTask_FinanceRecheck").isEnded();
        verify(markSelfEvaluationReviewed).execute(any());
        verify(publishSelfEvaluation).execute(any());
        verify(recordDeviation, never()).execute(any());
        verify(prepareRecheckForm, never()).notify(any());
        assertThat(steps.created()).containsExactly("UserTask_SelfEvaluation", "UserTask_SelfEvaluationReview");
    }

    @Test
    void aRedOrYellowMilestoneAsksForAnExplanationUntilTheDepartmentAcceptsIt() throws Exception {
        checkMilestone = Delegates.setting("executionLight", "RED", "YELLOW");
        registerRouting();
        ProcessInstance pi = start();
        approve(pi);

        execute(job());
        assertThat(pi).isWaitingAt("UserTask_DeviationExplanation", "CatchEvent_SelfEvaluationRoundOpened");
        assertThat(task()).hasCandidateGroup(Delegates.UNIT_GROUP);
        complete(task());
        assertThat(pi).isWaitingAt("UserTask_DeviationReview");
        assertThat(task()).hasCandidateGroup(Delegates.DEPARTMENT_GROUP);

        complete(task(), withVariables("decision", "return"));
        assertThat(pi).isWaitingAt("UserTask_DeviationExplanation");
        complete(task());
        complete(task(), withVariables("decision", "approve"));
        // Accepted: on to the next milestone, which is yellow (behind plan, not far): explained again.
        assertThat(pi).isWaitingAt("TimerEvent_Milestone");
        assertThat(job()).hasDueDate(JUNE);
        execute(job());
        assertThat(pi).isWaitingAt("UserTask_DeviationExplanation");
        complete(task());
        complete(task(), withVariables("decision", "approve"));

        assertThat(pi).hasPassed("EndEvent_Monitoring")
                .isWaitingAtExactly("Gateway_PhasesDone", "CatchEvent_SelfEvaluationRoundOpened");
        // Recorded on every review, returned or accepted.
        verify(recordDeviation, times(3)).execute(any());
        verify(planNextMilestone, times(3)).execute(any());
        assertThat(steps.completed()).containsExactly("UserTask_DeviationExplanation", "UserTask_DeviationReview",
                "UserTask_DeviationExplanation", "UserTask_DeviationReview",
                "UserTask_DeviationExplanation", "UserTask_DeviationReview");
    }

    @Test
    void withoutMilestonesMonitoringEndsAtOnce() throws Exception {
        planNextMilestone = Delegates.planning();
        registerRouting();
        ProcessInstance pi = start();
        approve(pi);

        assertThat(pi).hasPassed("EndEvent_Monitoring")
                .isWaitingAtExactly("Gateway_PhasesDone", "CatchEvent_SelfEvaluationRoundOpened");
        verify(planNextMilestone).execute(any());
        verify(checkMilestone, never()).execute(any());
    }

    @Test
    void theDepartmentReturnsTheSelfEvaluation() throws Exception {
        planNextMilestone = Delegates.planning();
        registerRouting();
        ProcessInstance pi = start();
        approve(pi);
        correlate("SelfEvaluationRoundOpened");

        complete(task());
        complete(task(), withVariables("decision", "return"));
        assertThat(pi).isWaitingAt("UserTask_SelfEvaluation");
        complete(task());
        assertThat(pi).isWaitingAt("UserTask_SelfEvaluationReview");
        complete(task(), withVariables("decision", "approve"));

        assertThat(pi).isEnded();
        // Scored again after every submission; the form prepared again for the unit.
        verify(scoreSelfEvaluation, times(2)).execute(any());
        verify(prepareSelfEvaluationForm, times(2)).notify(any());
        verify(markSelfEvaluationReviewed, times(1)).execute(any());
        verify(publishSelfEvaluation).execute(any());
    }

    @Test
    void aSampledProjectIsRecheckedByFinanceWhoMayReturnItToTheUnit() throws Exception {
        planNextMilestone = Delegates.planning();
        decideRecheck = Delegates.setting("recheck", true);
        registerRouting();
        ProcessInstance pi = start();
        approve(pi);
        correlate("SelfEvaluationRoundOpened");
        complete(task());
        complete(task(), withVariables("decision", "approve"));

        assertThat(pi).isWaitingAt("UserTask_FinanceRecheck");
        assertThat(task()).hasCandidateGroup("finance");
        verify(prepareRecheckForm).notify(any());
        verify(publishSelfEvaluation, never()).execute(any());

        complete(task(), withVariables("decision", "return"));
        assertThat(pi).isWaitingAt("UserTask_SelfEvaluation");
        complete(task());
        complete(task(), withVariables("decision", "approve"));
        assertThat(pi).isWaitingAt("UserTask_FinanceRecheck");
        complete(task(), withVariables("decision", "approve"));

        assertThat(pi).hasPassed("ServiceTask_Publish").isEnded();
        verify(decideRecheck, times(2)).execute(any());
        verify(prepareRecheckForm, times(2)).notify(any());
        verify(publishSelfEvaluation).execute(any());
    }

    @Test
    void aGreenMonitoringReportNeedsOnlyTheDepartmentAndLeavesTheMilestonesAlone() {
        ProcessInstance pi = start();
        approve(pi);

        correlate("MonitoringRoundOpened");
        assertThat(pi).isWaitingAt("UserTask_MonitoringReport", "TimerEvent_Milestone",
                "CatchEvent_SelfEvaluationRoundOpened");
        assertThat(task("UserTask_MonitoringReport")).hasCandidateGroup(Delegates.UNIT_GROUP);
        complete(task("UserTask_MonitoringReport"), withVariables("monitoringReportLight", "YELLOW"));
        assertThat(task("UserTask_MonitoringDepartmentReview")).hasCandidateGroup(Delegates.DEPARTMENT_GROUP);

        complete(task("UserTask_MonitoringDepartmentReview"), withVariables("decision", "return"));
        assertThat(pi).isWaitingAt("UserTask_MonitoringReport");
        complete(task("UserTask_MonitoringReport"), withVariables("monitoringReportLight", "GREEN"));
        complete(task("UserTask_MonitoringDepartmentReview"), withVariables("decision", "approve"));

        assertThat(pi).hasPassed("EndEvent_MonitoringReportApproved").hasNotPassed("UserTask_MonitoringFinanceReview")
                .isWaitingAtExactly("SubProcess_Monitoring", "TimerEvent_Milestone",
                        "CatchEvent_SelfEvaluationRoundOpened");
        assertThat(steps.completed()).containsExactly("UserTask_MonitoringReport",
                "UserTask_MonitoringDepartmentReview", "UserTask_MonitoringReport",
                "UserTask_MonitoringDepartmentReview");
    }

    @Test
    void aRedMonitoringReportGoesToFinanceWhoseRectificationTheUnitAnswers() {
        ProcessInstance pi = start();
        approve(pi);
        correlate("MonitoringRoundOpened");
        complete(task("UserTask_MonitoringReport"), withVariables("monitoringReportLight", "RED"));
        complete(task("UserTask_MonitoringDepartmentReview"), withVariables("decision", "approve"));

        assertThat(pi).isWaitingAt("UserTask_MonitoringFinanceReview");
        assertThat(task("UserTask_MonitoringFinanceReview")).hasCandidateGroup("finance");
        complete(task("UserTask_MonitoringFinanceReview"), withVariables("decision", "rectify"));
        assertThat(pi).isWaitingAt("UserTask_Rectification");
        assertThat(task("UserTask_Rectification")).hasCandidateGroup(Delegates.UNIT_GROUP);
        complete(task("UserTask_Rectification"));
        assertThat(pi).isWaitingAt("UserTask_MonitoringFinanceReview");
        complete(task("UserTask_MonitoringFinanceReview"), withVariables("decision", "approve"));

        assertThat(pi).hasPassed("EndEvent_MonitoringReportApproved")
                .isWaitingAtExactly("SubProcess_Monitoring", "TimerEvent_Milestone",
                        "CatchEvent_SelfEvaluationRoundOpened");
    }

    @Test
    void aTargetAdjustmentIsApprovedAgainWhileMonitoringGoesOn() {
        ProcessInstance pi = start();
        approve(pi);

        correlate("TargetAdjustmentRequested");
        assertThat(pi).isWaitingAt("CallActivity_TargetAdjustment", "TimerEvent_Milestone",
                "CatchEvent_SelfEvaluationRoundOpened");
        approve(pi);

        assertThat(pi).hasPassed("EndEvent_AdjustmentApproved")
                .isWaitingAtExactly("SubProcess_Monitoring", "TimerEvent_Milestone",
                        "CatchEvent_SelfEvaluationRoundOpened");
    }
}
