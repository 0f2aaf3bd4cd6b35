package org.openperf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * self-evaluation on its own (bpmn/self-evaluation.bpmn, no Spring context): the unit's 绩效自评 is scored, the
 * department reviews it (and may return it), the sample decides whether finance re-checks it (and may return it to
 * the unit), then the result is published.
 */
@Deployment(resources = "bpmn/self-evaluation.bpmn")
class SelfEvaluationModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    final StepRecorder steps = new StepRecorder();
    final TaskListener prepareSelfEvaluationForm = mock(TaskListener.class);
    final TaskListener prepareRecheckForm = mock(TaskListener.class);
    final JavaDelegate scoreSelfEvaluation = Delegates.quiet();
    final JavaDelegate markSelfEvaluationReviewed = Delegates.quiet();
    final JavaDelegate publishSelfEvaluation = Delegates.quiet();
    JavaDelegate decideRecheck = Delegates.setting("recheck", false);

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("stepListener", steps);
        Mocks.register("projectGroups", Delegates.groups());
        Mocks.register("reviewDeadlines", new ReviewDeadlines(10, "0 0 * * * ?", 200));
        Mocks.register("prepareSelfEvaluationForm", prepareSelfEvaluationForm);
        Mocks.register("prepareRecheckForm", prepareRecheckForm);
        Mocks.register("scoreSelfEvaluation", scoreSelfEvaluation);
        Mocks.register("markSelfEvaluationReviewed", markSelfEvaluationReviewed);
        Mocks.register("publishSelfEvaluation", publishSelfEvaluation);
        Mocks.register("decideRecheck", decideRecheck);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** As target-lifecycle calls it when the year's round opens. */
    ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("self-evaluation", "42",
                withVariables("departmentCode", "402", "year", 2024));
        assertThat(pi).isWaitingAtExactly("UserTask_SelfEvaluation");
        return pi;
    }

    /** The engine's work after a person's decision (评分, 抽样复核判定, 结果公开): jobs, run as the executor would. */
    void engineWork() {
        for (Job job = nextJob(); job != null; job = nextJob()) {
            execute(job);
        }
    }

    static Job nextJob() {
        return jobQuery().messages().executable().listPage(0, 1).stream().findFirst().orElse(null);
    }

    @Test
    void scoredReviewedAndPublishedWhenNotSampled() throws Exception {
        ProcessInstance pi = start();
        assertThat(task()).hasCandidateGroup(Delegates.UNIT_GROUP);
        verify(prepareSelfEvaluationForm).notify(any());

        complete(task());
        // The unit's submission has committed; scoring runs after it, a failure there would not undo it.
        assertThat(pi).isWaitingAtExactly("ServiceTask_Score");
        verify(scoreSelfEvaluation, never()).execute(any());
        engineWork();
        assertThat(pi).isWaitingAt("UserTask_SelfEvaluationReview");
        assertThat(task()).hasCandidateGroup(Delegates.DEPARTMENT_GROUP);
        verify(scoreSelfEvaluation).execute(any());

        complete(task(), withVariables("decision", "approve"));
        assertThat(pi).hasPassed("ServiceTask_SelfEvaluationReviewed").isWaitingAtExactly("ServiceTask_DecideRecheck");
        engineWork();
        assertThat(pi).hasPassedInOrder("ServiceTask_SelfEvaluationReviewed", "ServiceTask_DecideRecheck",
                "ServiceTask_Publish", "EndEvent_SelfEvaluationPublished").hasNotPassed("UserTask_FinanceRecheck")
                .isEnded();
        verify(markSelfEvaluationReviewed).execute(any());
        verify(publishSelfEvaluation).execute(any());
        verify(prepareRecheckForm, never()).notify(any());
        assertThat(steps.created()).containsExactly("UserTask_SelfEvaluation", "UserTask_SelfEvaluationReview");
    }

    @Test
    void theDepartmentReturnsTheSelfEvaluation() throws Exception {
        ProcessInstance pi = start();
        complete(task());
        engineWork();
        complete(task(), withVariables("decision", "return"));
        assertThat(pi).isWaitingAt("UserTask_SelfEvaluation");
        complete(task());
        engineWork();
        assertThat(pi).isWaitingAt("UserTask_SelfEvaluationReview");
        complete(task(), withVariables("decision", "approve"));
        engineWork();

        assertThat(pi).isEnded();
        // Scored again after every submission; the form prepared again for the unit.
        verify(scoreSelfEvaluation, times(2)).execute(any());
        verify(prepareSelfEvaluationForm, times(2)).notify(any());
        verify(markSelfEvaluationReviewed, times(1)).execute(any());
        verify(publishSelfEvaluation).execute(any());
    }

    @Test
    void aSampledProjectIsRecheckedByFinanceWhoMayReturnItToTheUnit() throws Exception {
        decideRecheck = Delegates.setting("recheck", true);
        Mocks.register("decideRecheck", decideRecheck);
        ProcessInstance pi = start();
        complete(task());
        engineWork();
        complete(task(), withVariables("decision", "approve"));
        engineWork();

        assertThat(pi).isWaitingAt("UserTask_FinanceRecheck");
        assertThat(task()).hasCandidateGroup("finance");
        verify(prepareRecheckForm).notify(any());
        verify(publishSelfEvaluation, never()).execute(any());

        complete(task(), withVariables("decision", "return"));
        assertThat(pi).isWaitingAt("UserTask_SelfEvaluation");
        complete(task());
        engineWork();
        complete(task(), withVariables("decision", "approve"));
        engineWork();
        assertThat(pi).isWaitingAt("UserTask_FinanceRecheck");
        complete(task(), withVariables("decision", "approve"));
        engineWork();

        assertThat(pi).hasPassed("ServiceTask_Publish").isEnded();
        verify(decideRecheck, times(2)).execute(any());
        verify(prepareRecheckForm, times(2)).notify(any());
        verify(publishSelfEvaluation).execute(any());
    }
}
