package org.openperf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * department-target-approval on its own (no Spring context): 编制 waits for the table's department, 财政审核 for
 * finance, a return goes back to 编制, an approval reaches 批复 as a job of its own. The rules behind each step
 * (the checks on submission, who may approve, the approved version) are DepartmentTargetApprovalProcessTest's.
 */
@Deployment(resources = "bpmn/department-target-approval.bpmn")
class DepartmentTargetApprovalModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    static final Instant NOW = Instant.parse("2054-03-01T02:00:00Z");

    final StepRecorder steps = new StepRecorder();
    final StepRecorder created = new StepRecorder();
    JavaDelegate approve = Delegates.quiet();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(NOW));
        DepartmentTargetGroups groups = mock(DepartmentTargetGroups.class);
        when(groups.department(any())).thenReturn("dept-975");
        Mocks.register("stepListener", steps);
        Mocks.register("departmentTargetTaskCreated", created);
        Mocks.register("departmentTargetGroups", groups);
        Mocks.register("approveDepartmentTarget", approve);
        Mocks.register("reviewDeadlines", new ReviewDeadlines(10, "0 0 * * * ?", 200));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
        ClockUtil.reset();
    }

    /** As DepartmentTargetReview starts it: the table's own business key, never a bare id. */
    ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("department-target-approval",
                "department-target-7", withVariables("departmentCode", "975", "year", 2054));
        assertThat(pi).isStarted().isWaitingAt("UserTask_DepartmentTargetDrafting");
        assertThat(task()).hasCandidateGroup("dept-975");
        return pi;
    }

    @Test
    void returnedOnceThenApprovedAndFrozenInAJobOfItsOwn() throws Exception {
        ProcessInstance pi = start();

        complete(task());
        assertThat(pi).isWaitingAt("UserTask_DepartmentTargetFinanceReview");
        Date due = Date.from(NOW.plusSeconds(10 * 24 * 3600));
        assertThat(task()).hasCandidateGroup("finance").hasDueDate(due);
        assertThat(task().getFollowUpDate()).isEqualTo(due);

        complete(task(), withVariables("decision", "return", "comment", "活动 3 的评分档不连贯"));
        assertThat(pi).isWaitingAt("UserTask_DepartmentTargetDrafting");
        assertThat(task()).hasCandidateGroup("dept-975");

        complete(task());
        complete(task(), withVariables("decision", "approve"));
        // Finance's decision has committed; 批复 runs in a job of its own, retried three times.
        assertThat(pi).isWaitingAt("ServiceTask_ApproveDepartmentTarget");
        verify(approve, never()).execute(any());
        assertThat(job()).hasRetries(3);
        execute(job());
        verify(approve).execute(any());
        assertThat(pi).hasPassedInOrder("UserTask_DepartmentTargetDrafting", "UserTask_DepartmentTargetFinanceReview",
                "UserTask_DepartmentTargetDrafting", "UserTask_DepartmentTargetFinanceReview",
                "ServiceTask_ApproveDepartmentTarget", "EndEvent_DepartmentTargetApproved").isEnded();
        assertThat(steps.completed()).containsExactly("UserTask_DepartmentTargetDrafting",
                "UserTask_DepartmentTargetFinanceReview", "UserTask_DepartmentTargetDrafting",
                "UserTask_DepartmentTargetFinanceReview");
        assertThat(created.created()).containsExactly("UserTask_DepartmentTargetDrafting",
                "UserTask_DepartmentTargetFinanceReview", "UserTask_DepartmentTargetDrafting",
                "UserTask_DepartmentTargetFinanceReview");
    }

    @Test
    void aFailingApprovalBecomesAnIncidentAfterThreeTries() {
        approve = Delegates.failing("数据库不可用");
        Mocks.register("approveDepartmentTarget", approve);
        ProcessInstance pi = start();
        complete(task());
        complete(task(), withVariables("decision", "approve"));
        // Finance's decision stands; the job is tried three times, then an incident for an administrator.
        for (int tried = 1; tried <= 3; tried++) {
            String jobId = managementService().createJobQuery().processInstanceId(pi.getId()).singleResult().getId();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService().executeJob(jobId))
                    .hasMessageContaining("数据库不可用");
        }
        assertThat(pi).isWaitingAt("ServiceTask_ApproveDepartmentTarget");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId())
                .activityId("ServiceTask_ApproveDepartmentTarget").count()).isEqualTo(1);
    }
}
