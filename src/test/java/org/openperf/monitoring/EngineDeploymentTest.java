package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application's engine deploys everything in {@code bpmn/}: the two DMN tables must deploy (history time to
 * live set) and give the same lights there, and a milestone's timer date must make a timer due at its instant.
 * A bare in-memory engine, not the application.
 */
class EngineDeploymentTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void start() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:monitoring-engine;DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setProcessEngineName("monitoring-engine-test")
                .buildProcessEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void bothTablesDeployAndDecideLikeTheStandaloneEngine() {
        engine.getRepositoryService().createDeployment()
                .addClasspathResource(LightFiles.EXECUTION)
                .addClasspathResource(LightFiles.INDICATOR)
                .deploy();
        assertThat(decide("Decision_ExecutionLight", 59.99)).isEqualTo("RED");
        assertThat(decide("Decision_ExecutionLight", 60.0)).isEqualTo("YELLOW");
        assertThat(decide("Decision_ExecutionLight", 80.0)).isEqualTo("GREEN");
        assertThat(decide("Decision_IndicatorLight", 119.99)).isEqualTo("GREEN");
        assertThat(decide("Decision_IndicatorLight", 120.0)).isEqualTo("BLUE");
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("Decision_ExecutionLight").singleResult().getName()).isEqualTo("预算执行灯");
    }

    @Test
    void aMilestoneTimerIsDueAtTheMilestoneInstant() {
        Milestone june = Milestones.at(Fixtures.project("1000", 3, "30", 6, "60", 12, "100"), 6);
        BpmnModelInstance model = Bpmn.createExecutableProcess("milestone-timer")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Timer_Milestone").timerWithDate(june.timerDate())
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("milestone-timer.bpmn", model).deploy();
        engine.getRuntimeService().startProcessInstanceByKey("milestone-timer");
        Job timer = engine.getManagementService().createJobQuery().timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(june.instant()));
        assertThat(timer.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse("2024-06-30T16:00:00Z"));
    }

    private static String decide(String key, double ratio) {
        return engine.getDecisionService().evaluateDecisionTableByKey(key, Map.of("ratio", ratio))
                .getSingleResult().getEntry("light");
    }
}
