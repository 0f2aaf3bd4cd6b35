package org.openperf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
 * target-lifecycle-starts on its own (bpmn/target-lifecycle-starts.bpmn, no Spring context): its one service task
 * runs in the command that starts the instance, and the instance ends there, so everything the task starts is
 * written in that command's one flush. What the task starts (an import's batch of lifecycles, handed over by
 * LifecycleStarts) is tested with the import (ImportApiTest).
 */
@Deployment(resources = "bpmn/target-lifecycle-starts.bpmn")
class TargetLifecycleStartsModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    final JavaDelegate startLifecycles = mock(JavaDelegate.class);
    final List<String> ranIn = new ArrayList<>();

    @BeforeEach
    void registerBeans() throws Exception {
        BpmnAwareTests.init(extension.getProcessEngine());
        Mocks.register("startLifecycles", startLifecycles);
        doAnswer(call -> {
            ranIn.add(((DelegateExecution) call.getArgument(0)).getProcessInstanceId());
            return null;
        }).when(startLifecycles).execute(any());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("target-lifecycle-starts");
    }

    @Test
    void theServiceTaskRunsOnceAndTheInstanceEndsInTheStartingCommand() {
        ProcessInstance pi = start();
        assertThat(pi).hasPassedInOrder("StartEvent_TablesStored", "ServiceTask_StartLifecycles",
                "EndEvent_LifecyclesStarted").isEnded();
        assertThat(ranIn).containsExactly(pi.getId());
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).count())
                .isZero();
    }

    @Test
    void aStartThatFailsFailsTheCommandAndLeavesNoInstance() {
        Mocks.register("startLifecycles", Delegates.failing("target-lifecycle is suspended"));
        assertThatThrownBy(this::start).hasMessageContaining("suspended");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("target-lifecycle-starts")
                .count()).isZero();
        assertThat(historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("target-lifecycle-starts").count()).isZero();
    }
}
