package org.openperf.kernel.rules;

import java.util.Map;

/**
 * One DMN decision table as the app asks it: inputs by variable name in, the outputs of the first rule that applies
 * out (the tables use hit policy FIRST or UNIQUE). Either evaluated through the engine, recorded in Cockpit's
 * decision history ({@link DeployedRules#decide}), or from the same deployed table without a record, for pages
 * that only show what the rules would give ({@link DeployedRules#preview}).
 */
@FunctionalInterface
public interface Decision {

    /** @throws IllegalStateException when no rule of the table applies to the inputs */
    Map<String, Object> evaluate(Map<String, Object> inputs);
}
