package org.openperf;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Camunda keeps one JVM-wide registry of engines by name, and /engine-rest and the webapps serve the one named
 * "default". Spring's test context cache keeps several contexts (each with its own engine and database) alive,
 * so before each test class this points "default" at the engine of the context that class runs in.
 */
public class CurrentEngineTestListener implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
        if (engine != null) {
            ProcessEngines.registerProcessEngine(engine);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
