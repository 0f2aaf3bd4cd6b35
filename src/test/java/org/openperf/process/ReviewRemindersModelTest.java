package org.openperf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openperf.review.ReviewDeadlines;

/**
 * review-reminders on its own (bpmn/review-reminders.bpmn, no Spring context): the hourly timer starts a sweep;
 * each batch of follow-ups is a job of its own, so a batch that fails is retried alone and the batches before it
 * stay done. What a batch does (催办, 逾期上报) is ReviewReminders' and tested with it.
 */
@Deployment(resources = "bpmn/review-reminders.bpmn")
class ReviewRemindersModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    static final Instant NOW = Instant.parse("2024-03-01T02:30:00Z");

    final JavaDelegate followUp = mock(JavaDelegate.class);
    final List<Date> asOf = new ArrayList<>();
    final Deque<Boolean> moreDue = new ArrayDeque<>();

    @BeforeEach
    void registerBeans() throws Exception {
        BpmnAwareTests.init(extension.getProcessEngine());
        // Before the deployment: the start timer's cycle is read from reviewDeadlines when it is deployed.
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("reviewDeadlines", new ReviewDeadlines(10, "0 0 * * * ?", 200));
        Mocks.register("followUpDueReviews", followUp);
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            asOf.add((Date) execution.getVariable("asOf"));
            if (moreDue.isEmpty()) {
                throw new IllegalStateException("reminder store unavailable");
            }
            execution.setVariable("moreDue", moreDue.poll());
            return null;
        }).when(followUp).execute(any());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    Job startTimer() {
        return jobQuery().processDefinitionKey("review-reminders").timers().singleResult();
    }

    /** The start timer fires, as the job executor would run it at the full hour. */
    ProcessInstance sweep() {
        Job timer = startTimer();
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
        ProcessInstance pi = processInstanceQuery().processDefinitionKey("review-reminders").singleResult();
        // asyncBefore: the sweep's work starts in a transaction of its own, not in the timer's.
        assertThat(pi).isStarted().isWaitingAt("ServiceTask_FollowUp");
        return pi;
    }

    @Test
    void theSweepRunsEveryFullHour() {
        assertThat(startTimer().getDuedate()).isEqualTo(Date.from(Instant.parse("2024-03-01T03:00:00Z")));
        moreDue.add(false);
        sweep();
        // The cycle goes on: the next sweep is due an hour later.
        assertThat(startTimer().getDuedate()).isEqualTo(Date.from(Instant.parse("2024-03-01T04:00:00Z")));
    }

    @Test
    void batchesRunOneJobEachUntilNothingIsDue() throws Exception {
        moreDue.add(true);
        moreDue.add(false);
        ProcessInstance pi = sweep();

        execute(job());
        assertThat(pi).isWaitingAt("ServiceTask_FollowUp");
        verify(followUp, times(1)).execute(any());

        execute(job());
        assertThat(pi).hasPassed("EndEvent_Done").isEnded();
        verify(followUp, times(2)).execute(any());
        // asOf is the engine's clock when the sweep ran, the date reminders are due against.
        assertThat(asOf).containsExactly(Date.from(Instant.parse("2024-03-01T03:00:00Z")),
                Date.from(Instant.parse("2024-03-01T03:00:00Z")));
    }

    @Test
    void aFailedBatchIsRetriedAloneAndTheEarlierOnesStayDone() throws Exception {
        moreDue.add(true);
        ProcessInstance pi = sweep();
        execute(job());

        assertThatThrownBy(() -> execute(job())).hasMessageContaining("reminder store unavailable");
        assertThat(pi).isWaitingAt("ServiceTask_FollowUp");
        assertThat(job().getRetries()).isEqualTo(2);

        moreDue.add(false);
        execute(job());
        assertThat(pi).isEnded();
        verify(followUp, times(3)).execute(any());
    }
}
