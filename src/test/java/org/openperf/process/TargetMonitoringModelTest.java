package org.openperf.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * target-monitoring on its own (bpmn/target-monitoring.bpmn, no Spring context): each planned milestone waits on
 * its timer; a green one goes on to the next, a red or yellow one asks the unit for a 偏差说明 until the department
 * accepts it; with no milestone left monitoring ends.
 */
@Deployment(resources = "bpmn/target-monitoring.bpmn")
class TargetMonitoringModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    static final Date MARCH = Date.from(Instant.parse("2024-03-31T16:00:00Z"));
    static final Date JUNE = Date.from(Instant.parse("2024-06-30T16:00:00Z"));

    final StepRecorder steps = new StepRecorder();
    final JavaDelegate recordDeviation = Delegates.quiet();
    JavaDelegate planNextMilestone = Delegates.planning(MARCH, JUNE);
    JavaDelegate checkMilestone = Delegates.setting("executionLight", "GREEN");

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("stepListener", steps);
        Mocks.register("projectGroups", Delegates.groups());
        Mocks.register("recordDeviation", recordDeviation);
        registerRouting();
    }

    void registerRouting() {
        Mocks.register("planNextMilestone", planNextMilestone);
        Mocks.register("checkMilestone", checkMilestone);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** As target-lifecycle calls it once the table is approved. */
    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("target-monitoring", "42",
                withVariables("departmentCode", "402", "year", 2024));
    }

    /**
     * 审核偏差说明 decides (its rule stores the decision as deviationDecision); 记录偏差说明 and the gateway after it run
     * as a job once the decision has committed.
     */
    int recorded;

    void review(String decision) throws Exception {
        complete(task(), withVariables("deviationDecision", decision));
        assertThat(runtimeService().createProcessInstanceQuery().active().singleResult())
                .isWaitingAtExactly("ServiceTask_RecordDeviation");
        verify(recordDeviation, times(recorded)).execute(any());
        recorded++;
        execute(job());
    }

    @Test
    void greenMilestonesFollowEachOtherUntilNoneIsLeft() throws Exception {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAtExactly("TimerEvent_Milestone");
        assertThat(job()).hasDueDate(MARCH);
        execute(job());
        assertThat(pi).isWaitingAtExactly("TimerEvent_Milestone");
        assertThat(job()).hasDueDate(JUNE);
        execute(job());

        assertThat(pi).hasPassed("EndEvent_Monitoring").isEnded();
        verify(checkMilestone, times(2)).execute(any());
        verify(planNextMilestone, times(3)).execute(any());
        verify(recordDeviation, never()).execute(any());
    }

    @Test
    void aRedOrYellowMilestoneAsksForAnExplanationUntilTheDepartmentAcceptsIt() throws Exception {
        checkMilestone = Delegates.setting("executionLight", "RED", "YELLOW");
        registerRouting();
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAtExactly("TimerEvent_Milestone");

        execute(job());
        assertThat(pi).isWaitingAtExactly("UserTask_DeviationExplanation");
        assertThat(task()).hasCandidateGroup(Delegates.UNIT_GROUP);
        complete(task());
        assertThat(pi).isWaitingAt("UserTask_DeviationReview");
        assertThat(task()).hasCandidateGroup(Delegates.DEPARTMENT_GROUP);

        review("return");
        assertThat(pi).isWaitingAt("UserTask_DeviationExplanation");
        complete(task());
        review("approve");
        // Accepted: on to the next milestone, which is yellow (behind plan, not far): explained again.
        assertThat(pi).isWaitingAt("TimerEvent_Milestone");
        assertThat(job()).hasDueDate(JUNE);
        execute(job());
        assertThat(pi).isWaitingAt("UserTask_DeviationExplanation");
        complete(task());
        review("approve");

        assertThat(pi).hasPassed("EndEvent_Monitoring").isEnded();
        // Recorded on every review, returned or accepted.
        verify(recordDeviation, times(3)).execute(any());
        verify(planNextMilestone, times(3)).execute(any());
        org.assertj.core.api.Assertions.assertThat(steps.completed()).containsExactly(
                "UserTask_DeviationExplanation", "UserTask_DeviationReview",
                "UserTask_DeviationExplanation", "UserTask_DeviationReview",
                "UserTask_DeviationExplanation", "UserTask_DeviationReview");
    }

    @Test
    void withoutMilestonesMonitoringEndsAtOnce() throws Exception {
        planNextMilestone = Delegates.planning();
        registerRouting();
        ProcessInstance pi = start();

        assertThat(pi).hasPassed("EndEvent_Monitoring").isEnded();
        verify(planNextMilestone).execute(any());
        verify(checkMilestone, never()).execute(any());
    }
}
