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
 * department-monitoring-round on its own: the department fills the 监控表, finance reviews it, a return goes back
 * to the department. What a 监控表 must hold is DepartmentTargetApprovalProcessTest's.
 */
@Deployment(resources = "bpmn/department-monitoring-round.bpmn")
class DepartmentMonitoringRoundModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    final StepRecorder steps = new StepRecorder();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2056-07-01T02:00:00Z")));
        DepartmentTargetGroups groups = mock(DepartmentTargetGroups.class);
        when(groups.department(any())).thenReturn("dept-978");
        Mocks.register("stepListener", steps);
        Mocks.register("departmentTargetTaskCreated", new StepRecorder());
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
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("department-monitoring-round",
                "department-target-8", withVariables("roundId", 3L, "cutoffMonth", 6));
        assertThat(pi).isWaitingAt("UserTask_DepartmentMonitoringReport");
        assertThat(task()).hasCandidateGroup("dept-978");
        complete(task());
        assertThat(pi).isWaitingAt("UserTask_DepartmentMonitoringFinanceReview");
        assertThat(task()).hasCandidateGroup("finance")
                .hasDueDate(Date.from(Instant.parse("2056-07-11T02:00:00Z")));
        complete(task(), withVariables("decision", "return", "comment", "红灯指标的措施不具体"));
        assertThat(pi).isWaitingAt("UserTask_DepartmentMonitoringReport");
        complete(task());
        complete(task(), withVariables("decision", "approve"));
        assertThat(pi).hasPassedInOrder("UserTask_DepartmentMonitoringReport", "UserTask_DepartmentMonitoringFinanceReview",
                "UserTask_DepartmentMonitoringReport", "UserTask_DepartmentMonitoringFinanceReview",
                "EndEvent_DepartmentMonitoringApproved").isEnded();
        org.assertj.core.api.Assertions.assertThat(steps.completed()).hasSize(4);
    }
}
