package org.openperf.kernel.rules;

import java.util.List;
import java.util.Map;

/**
 * A decision finance keeps as a DMN table in the engine (a light's bands, the grade bands, the default weights), and
 * what every version of it must satisfy before it may be deployed ({@link DeploymentCheck}): each sample input
 * decided by exactly one usable output.
 */
public interface RuleTable {

    /** The decision's id in the DMN file ({@code Decision_ExecutionLight}); versions are deployed under it. */
    String key();

    /** What finance calls it (预算执行灯). */
    String label();

    /** Inputs every version must decide, as the app will ask them. */
    List<Map<String, Object>> samples();

    /** What is wrong with the output a rule gives for a sample, in finance's words, or null when it is usable. */
    String checkOutput(Map<String, Object> output);

    /** What is wrong with the outputs of all samples together (weights that do not add up), or null. */
    default String checkAll(List<Map<String, Object>> outputs) {
        return null;
    }

    /** Shown in messages: {@code ratio = 55}. */
    static String describe(Map<String, Object> inputs) {
        StringBuilder s = new StringBuilder();
        inputs.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(" = ")
                .append(v instanceof String ? "\"" + v + "\"" : v));
        return s.toString();
    }
}
