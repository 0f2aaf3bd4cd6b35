package org.openperf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
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
 * target-approval on its own (bpmn/target-approval.bpmn, no Spring context): which step waits for whom, where
 * each decision leads, and which delegate runs. The rules behind a decision (who may decide, what is recorded) are
 * the services' and are tested with them (TargetApprovalProcessTest).
 */
@Deployment(resources = "bpmn/target-approval.bpmn")
class TargetApprovalModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    static final Instant NOW = Instant.parse("2024-03-01T02:00:00Z");

    final StepRecorder steps = new StepRecorder();
    final StepRecorder reopened = new StepRecorder();
    JavaDelegate approve = Delegates.quiet();
    JavaDelegate validate = Delegates.setting("validationErrors", 0L);

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("stepListener", steps);
        Mocks.register("reopenForEditing", reopened);
        Mocks.register("validateTargetTable", validate);
        Mocks.register("approveTargetTable", approve);
        Mocks.register("projectGroups", Delegates.groups());
        Mocks.register("reviewDeadlines", new ReviewDeadlines(10, "0 0 * * * ?", 200));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** As ReviewService starts it: the project id as business key, year and department for the task lists. */
    ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("target-approval", "42",
                withVariables("departmentCode", "402", "year", 2024));
        assertThat(pi).isStarted().isWaitingAt("UserTask_Drafting");
        return pi;
    }

    /** 编制 completed: 校验 waits as a job of its own after the submission's commit; the job executor runs it. */
    void submit(ProcessInstance pi) {
        complete(task());
        assertThat(pi).isWaitingAt("ServiceTask_Validate");
        assertThat(job()).hasRetries(3);
        execute(job());
    }

    @Test
    void approvedStraightThrough() throws Exception {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("UserTask_Drafting");
        assertThat(task()).hasCandidateGroup(Delegates.UNIT_GROUP);

        submit(pi);
        assertThat(pi).isWaitingAt("UserTask_DepartmentReview");
        Date due = Date.from(NOW.plusSeconds(10 * 24 * 3600));
        assertThat(task()).hasCandidateGroup(Delegates.DEPARTMENT_GROUP).hasDueDate(due);
        assertThat(task().getFollowUpDate()).isEqualTo(due);

        complete(task(), withVariables("decision", "approve"));
        assertThat(pi).isWaitingAt("UserTask_FinanceReview");
        assertThat(task()).hasCandidateGroup("finance").hasDueDate(due);

        complete(task(), withVariables("decision", "approve"));
        // Finance's decision has committed; 批复 freezes the table in a job of its own.
        assertThat(pi).isWaitingAt("ServiceTask_Approve");
        verify(approve, never()).execute(any());
        execute(job());
        assertThat(pi).hasPassedInOrder("UserTask_Drafting", "ServiceTask_Validate", "UserTask_DepartmentReview",
                "UserTask_FinanceReview", "ServiceTask_Approve", "EndEvent_Approved").isEnded();
        verify(validate).execute(any());
        verify(approve).execute(any());
        assertThat(steps.events()).containsExactly(
                "UserTask_Drafting:create", "UserTask_Drafting:complete",
                "UserTask_DepartmentReview:create", "UserTask_DepartmentReview:complete",
                "UserTask_FinanceReview:create", "UserTask_FinanceReview:complete");
        assertThat(reopened.created()).containsExactly("UserTask_Drafting");
    }

    @Test
    void validationErrorsSendTheTableStraightBackToTheUnit() throws Exception {
        validate = Delegates.setting("validationErrors", 2L, 0L);
        Mocks.register("validateTargetTable", validate);
        ProcessInstance pi = start();

        submit(pi);
        assertThat(pi).isWaitingAt("UserTask_Drafting");
        assertThat(reopened.created()).containsExactly("UserTask_Drafting", "UserTask_Drafting");

        submit(pi);
        assertThat(pi).isWaitingAt("UserTask_DepartmentReview");
        verify(validate, times(2)).execute(any());
        verify(approve, never()).execute(any());
    }

    @Test
    void theDepartmentReturnsToTheUnit() throws Exception {
        ProcessInstance pi = start();
        submit(pi);
        complete(task(), withVariables("decision", "return"));
        assertThat(pi).isWaitingAt("UserTask_Drafting");
        assertThat(task()).hasCandidateGroup(Delegates.UNIT_GROUP);
        assertThat(reopened.created()).hasSize(2);

        submit(pi);
        assertThat(pi).isWaitingAt("UserTask_DepartmentReview");
        verify(validate, times(2)).execute(any());
        verify(approve, never()).execute(any());
    }

    @Test
    void financeReturnsToTheUnit() throws Exception {
        ProcessInstance pi = start();
        submit(pi);
        complete(task(), withVariables("decision", "approve"));
        complete(task(), withVariables("decision", "return", "returnTo", "unit"));
        assertThat(pi).isWaitingAt("UserTask_Drafting");
        assertThat(reopened.created()).hasSize(2);

        // Submitted again, the table goes through validation and both reviews once more.
        submit(pi);
        assertThat(pi).isWaitingAt("UserTask_DepartmentReview");
        verify(validate, times(2)).execute(any());
        verify(approve, never()).execute(any());
    }

    @Test
    void financeReturnsToTheDepartment() throws Exception {
        ProcessInstance pi = start();
        submit(pi);
        complete(task(), withVariables("decision", "approve"));
        complete(task(), withVariables("decision", "return", "returnTo", "department"));
        assertThat(pi).isWaitingAt("UserTask_DepartmentReview");
        assertThat(task()).hasCandidateGroup(Delegates.DEPARTMENT_GROUP);
        // The unit is not asked again and nothing is validated again.
        assertThat(reopened.created()).containsExactly("UserTask_Drafting");
        verify(validate, times(1)).execute(any());

        complete(task(), withVariables("decision", "approve"));
        complete(task(), withVariables("decision", "approve"));
        execute(job());
        assertThat(pi).isEnded();
        verify(approve).execute(any());
    }

    @Test
    void aFreezeThatFailsKeepsFinancesDecisionAndBecomesAnIncidentAfterThreeTries() throws Exception {
        approve = Delegates.failing("批复失败");
        Mocks.register("approveTargetTable", approve);
        ProcessInstance pi = start();
        submit(pi);
        complete(task(), withVariables("decision", "approve"));
        complete(task(), withVariables("decision", "approve"));

        // The reviewer's completion stands; the job is tried three times, five minutes apart.
        assertThat(pi).isWaitingAt("ServiceTask_Approve");
        assertThat(steps.completed()).endsWith("UserTask_FinanceReview");
        for (int tried = 1; tried <= 3; tried++) {
            Job job = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(job.getId()))
                    .hasMessageContaining("批复失败");
            Job after = managementService().createJobQuery().jobId(job.getId()).singleResult();
            org.assertj.core.api.Assertions.assertThat(after.getRetries()).isEqualTo(3 - tried);
        }
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery()
                .processInstanceId(pi.getId()).activityId("ServiceTask_Approve").count()).isEqualTo(1);
        assertThat(pi).isWaitingAt("ServiceTask_Approve");
    }
}
