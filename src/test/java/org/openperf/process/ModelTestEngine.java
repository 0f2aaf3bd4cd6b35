package org.openperf.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * One plain Camunda engine on its own in-memory H2 database for the model tests (no Spring context): beans named
 * in the BPMN resolve from {@link org.camunda.bpm.engine.test.mock.Mocks}. Built in code rather than from a
 * camunda.cfg.xml on the test classpath, so the Spring tests in the same JVM never see a second configuration,
 * and taken out of Camunda's JVM-wide engine registry, where /engine-rest and the webapps of the Spring tests look
 * for theirs. Built once per test JVM (about a second), shared by the model test classes.
 */
final class ModelTestEngine {

    private static ProcessEngine engine;

    private ModelTestEngine() {
    }

    static synchronized ProcessEngine get() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
            cfg.setProcessEngineName("model-tests");
            cfg.setJdbcUrl("jdbc:h2:mem:model-tests;DB_CLOSE_DELAY=-1");
            cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            cfg.setJobExecutorActivate(false);
            cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            cfg.setExpressionManager(new MockExpressionManager());
            cfg.setMetricsEnabled(false);
            cfg.setDbMetricsReporterActivate(false);
            engine = cfg.buildProcessEngine();
            ProcessEngines.unregister(engine);
        }
        return engine;
    }

    /** The extension for a model test class: deploys each test's {@code @Deployment} and removes it afterwards. */
    static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(get()).ensureCleanAfterTest(true).build();
    }
}
