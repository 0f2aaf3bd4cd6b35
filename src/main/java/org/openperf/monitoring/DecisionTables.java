package org.openperf.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The standalone DMN engine for the tables finance keeps in {@code bpmn/} (lights, grades). Their entries are
 * FEEL simple unary tests ({@code < 60}, {@code [60..80[}, {@code >= 80}, {@code "RED"}), which Camunda's own FEEL
 * implementation evaluates in 1 to 3 µs; the default Scala FEEL engine took about 120 µs per table, half of a
 * milestone job's CPU in a burst (README, Performance). A table that needs more than simple unary tests fails at
 * start-up, where its owner sees it ({@link #requireEvaluates}), not in the middle of a burst. The switch lives on
 * DefaultDmnEngineConfiguration, the class Camunda's documentation configures a standalone DMN engine with.
 */
public final class DecisionTables {

    private DecisionTables() {
    }

    public static DmnEngine engine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        return configuration.enableFeelLegacyBehavior(true).buildEngine();
    }

    public static DmnDecision parse(DmnEngine engine, String resource, String decisionKey) {
        try (InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("DMN table not on the classpath: " + resource);
            }
            return engine.parseDecision(decisionKey, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code evaluation} once, naming the table and the input if it cannot be evaluated. */
    public static void requireEvaluates(String resource, String input, Runnable evaluation) {
        try {
            evaluation.run();
        } catch (RuntimeException e) {
            throw new IllegalStateException("决策表 " + resource + " 无法计算 " + input + "（规则须为简单的比较或区间，如 "
                    + "< 60、[60..80[、>= 80）：" + e.getMessage(), e);
        }
    }
}
