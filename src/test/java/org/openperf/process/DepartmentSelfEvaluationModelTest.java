package org.openperf.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.openperf.review.department.DepartmentTargetGroups;

/**
 * department-self-evaluation on its own: the department fills the 自评表, finance reviews it (seeing the score the
 * form listener read), a return goes back to the department. What a 自评表 must hold and how it is scored is
 * DepartmentTargetLifecycleTest's.
 */
@Deployment(resources = "bpmn/department-self-evaluation.bpmn")
class DepartmentSelfEvaluationModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    final StepRecorder steps = new StepRecorder();
    final StepRecorder formListener = new StepRecorder();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2068-01-20T02:00:00Z")));
        DepartmentTargetGroups groups = mock(DepartmentTargetGroups.class);
        when(groups.department(any())).thenReturn("dept-978");
        Mocks.register("stepListener", steps);
        Mocks.register("departmentTargetTaskCreated", new StepRecorder());
        Mocks.register("departmentSelfEvaluationFormListener", formListener);
        Mocks.register("departmentTargetGroups", groups);
        Mocks.register("reviewDeadlines", new ReviewDeadlines(10, "0 0 * * * ?", 200));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
        ClockUtil.reset();
    }

    @Test
    void filledReturnedOnceRefilledAndApproved() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("department-self-evaluation",
                "department-target-8", withVariables("tableId", 8L, "year", 2067));
        assertThat(pi).isWaitingAt("UserTask_DepartmentSelfEvaluation");
        assertThat(task()).hasCandidateGroup("dept-978");
        complete(task());
        assertThat(pi).isWaitingAt("UserTask_DepartmentSelfEvaluationFinanceReview");
        assertThat(task()).hasCandidateGroup("finance")
                .hasDueDate(Date.from(Instant.parse("2068-01-30T02:00:00Z")));
        complete(task(), withVariables("decision", "return", "comment", "差档指标的措施不具体"));
        assertThat(pi).isWaitingAt("UserTask_DepartmentSelfEvaluation");
        complete(task());
        complete(task(), withVariables("decision", "approve"));
        assertThat(pi).hasPassedInOrder("UserTask_DepartmentSelfEvaluation", "UserTask_DepartmentSelfEvaluationFinanceReview",
                "UserTask_DepartmentSelfEvaluation", "UserTask_DepartmentSelfEvaluationFinanceReview",
                "EndEvent_DepartmentSelfEvaluationApproved").isEnded();
        org.assertj.core.api.Assertions.assertThat(steps.completed()).hasSize(4);
        // The score is read for finance's form each time 财政审核自评 begins, never for the department's step.
        org.assertj.core.api.Assertions.assertThat(formListener.created()).hasSize(2);
    }
}
