package org.openperf.kernel.rules;

import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A DMN engine outside the process engine, with the same simple FEEL evaluator the process engine runs
 * ({@code dmn-feel-enable-legacy-behavior} in application.yaml): it tries a table before it is deployed
 * ({@link DeploymentCheck}) and evaluates a deployed table where nothing is decided and nothing should be recorded
 * ({@link DeployedRules#preview}). Entries are FEEL simple unary tests ({@code < 60}, {@code [60..80[}, {@code "产出"}),
 * about 1 µs each; the Scala FEEL engine took about 120 µs (docs/decisions/decision-tables.md). The switch lives on
 * DefaultDmnEngineConfiguration, the class Camunda's documentation configures a standalone DMN engine with.
 */
public final class DmnTables {

    private DmnTables() {
    }

    public static DmnEngine engine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        return configuration.enableFeelLegacyBehavior(true).buildEngine();
    }

    public static DmnDecision parse(DmnEngine engine, byte[] xml, String key) {
        return engine.parseDecision(key, new ByteArrayInputStream(xml));
    }

    /** The decision evaluated without any record: the first rule's outputs, or an error naming the inputs. */
    public static Decision of(DmnEngine engine, DmnDecision decision) {
        return inputs -> {
            DmnDecisionRuleResult first = engine.evaluateDecisionTable(decision, inputs).getFirstResult();
            if (first == null) {
                throw new IllegalStateException("决策表“" + decision.getName() + "”（" + decision.getKey() + "）没有适用于 "
                        + RuleTable.describe(inputs) + " 的规则");
            }
            return Collections.unmodifiableMap(new LinkedHashMap<>(first.getEntryMap()));
        };
    }
}
