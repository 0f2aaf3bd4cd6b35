package org.openperf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
 * monitoring-round on its own (bpmn/monitoring-round.bpmn, no Spring context): one project's 监控表 in one round.
 * The department reviews it (and may return it); only a red report goes on to finance, whose rectification
 * requirement the unit answers before finance reviews again.
 */
@Deployment(resources = "bpmn/monitoring-round.bpmn")
class MonitoringRoundFlowModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    final StepRecorder steps = new StepRecorder();

    @BeforeEach
    void registerBeans() {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("stepListener", steps);
        Mocks.register("projectGroups", Delegates.groups());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    /** As target-lifecycle's 监控轮次 calls it when the round reaches the project. */
    ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("monitoring-round", "42",
                withVariables("departmentCode", "402", "year", 2024, "monitoringRoundId", 7L, "cutoffMonth", 7,
                        "cutoffLabel", "1–7月"));
        assertThat(pi).isWaitingAtExactly("UserTask_MonitoringReport");
        return pi;
    }

    @Test
    void aGreenReportNeedsOnlyTheDepartment() {
        ProcessInstance pi = start();
        assertThat(task()).hasCandidateGroup(Delegates.UNIT_GROUP);
        complete(task(), withVariables("monitoringReportLight", "YELLOW"));
        assertThat(task("UserTask_MonitoringDepartmentReview")).hasCandidateGroup(Delegates.DEPARTMENT_GROUP);

        complete(task(), withVariables("decision", "return"));
        assertThat(pi).isWaitingAt("UserTask_MonitoringReport");
        complete(task(), withVariables("monitoringReportLight", "GREEN"));
        complete(task(), withVariables("decision", "approve"));

        assertThat(pi).hasPassed("EndEvent_MonitoringReportApproved").hasNotPassed("UserTask_MonitoringFinanceReview")
                .isEnded();
        assertThat(steps.completed()).containsExactly("UserTask_MonitoringReport",
                "UserTask_MonitoringDepartmentReview", "UserTask_MonitoringReport",
                "UserTask_MonitoringDepartmentReview");
    }

    @Test
    void aRedReportGoesToFinanceWhoseRectificationTheUnitAnswers() {
        ProcessInstance pi = start();
        complete(task(), withVariables("monitoringReportLight", "RED"));
        complete(task(), withVariables("decision", "approve"));

        assertThat(pi).isWaitingAt("UserTask_MonitoringFinanceReview");
        assertThat(task()).hasCandidateGroup("finance");
        complete(task(), withVariables("decision", "rectify"));
        assertThat(pi).isWaitingAt("UserTask_Rectification");
        assertThat(task()).hasCandidateGroup(Delegates.UNIT_GROUP);
        complete(task());
        assertThat(pi).isWaitingAt("UserTask_MonitoringFinanceReview");
        complete(task(), withVariables("decision", "approve"));

        assertThat(pi).hasPassed("EndEvent_MonitoringReportApproved").isEnded();
        assertThat(steps.created()).containsExactly("UserTask_MonitoringReport",
                "UserTask_MonitoringDepartmentReview", "UserTask_MonitoringFinanceReview", "UserTask_Rectification",
                "UserTask_MonitoringFinanceReview");
    }
}
