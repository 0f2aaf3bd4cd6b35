package org.openperf.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * monitoring-round-delivery and self-evaluation-round-delivery on their own (no Spring context): opening a round
 * only starts its delivery, whose batches each run as a job of their own until none is left, then the department
 * tables. A batch that fails is retried alone; the batches before it stay done. What a batch does is the delivery
 * services' and tested with the rounds (RoundDeliveryTest).
 */
@Deployment(resources = {"bpmn/monitoring-round-delivery.bpmn", "bpmn/self-evaluation-round-delivery.bpmn"})
class RoundDeliveryModelTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ModelTestEngine.extension();

    final JavaDelegate batch = mock(JavaDelegate.class);
    final JavaDelegate finish = mock(JavaDelegate.class);
    final Deque<Boolean> more = new ArrayDeque<>();
    final List<String> ran = new ArrayList<>();

    @BeforeEach
    void registerBeans() throws Exception {
        BpmnAwareTests.init(extension.getProcessEngine());
        for (String prefix : List.of("Monitoring", "SelfEvaluation")) {
            Mocks.register("reach" + prefix + "RoundBatch", batch);
            Mocks.register("finish" + prefix + "RoundDelivery", finish);
        }
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            if (more.isEmpty()) {
                throw new IllegalStateException("database unavailable");
            }
            ran.add("batch of round " + execution.getVariable("roundId"));
            execution.setVariable("more", more.poll());
            return null;
        }).when(batch).execute(any());
        doAnswer(call -> ran.add("department tables")).when(finish).execute(any());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    ProcessInstance open(String key) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(key, "round-1",
                Variables.createVariables().putValue("roundId", 1L));
        // asyncBefore: the opening's transaction ends here; the batches are the job executor's.
        assertThat(pi).isWaitingAt("ServiceTask_ReachBatch");
        assertThat(ran).isEmpty();
        return pi;
    }

    @ParameterizedTest
    @CsvSource({"monitoring-round-delivery", "self-evaluation-round-delivery"})
    void eachBatchIsAJobOfItsOwnAndTheDepartmentTablesComeLast(String key) {
        more.add(true);
        more.add(false);
        ProcessInstance pi = open(key);

        execute(job());
        assertThat(pi).isWaitingAt("ServiceTask_ReachBatch");
        execute(job());
        assertThat(pi).isWaitingAt("ServiceTask_ReachDepartmentTables");
        execute(job());

        assertThat(pi).hasPassedInOrder("StartEvent_RoundOpened", "ServiceTask_ReachBatch", "Gateway_More",
                "ServiceTask_ReachDepartmentTables", "EndEvent_Delivered").isEnded();
        assertThat(ran).containsExactly("batch of round 1", "batch of round 1", "department tables");
    }

    @ParameterizedTest
    @CsvSource({"monitoring-round-delivery", "self-evaluation-round-delivery"})
    void aFailedBatchIsRetriedAloneAndTheEarlierOnesStayDone(String key) {
        more.add(true);
        ProcessInstance pi = open(key);
        execute(job());

        assertThatThrownBy(() -> execute(job())).hasMessageContaining("database unavailable");
        assertThat(pi).isWaitingAt("ServiceTask_ReachBatch");
        assertThat(job().getRetries()).isEqualTo(2);

        more.add(false);
        execute(job());
        execute(job());
        assertThat(pi).isEnded();
        // Two batches ran to their end, the failed try in between; the department tables once, last.
        assertThat(ran).containsExactly("batch of round 1", "batch of round 1", "department tables");
    }
}
