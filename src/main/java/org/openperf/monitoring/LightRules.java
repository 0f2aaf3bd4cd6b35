package org.openperf.monitoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openperf.kernel.rules.RuleTable;
import org.openperf.kernel.rules.Samples;

/**
 * The light tables finance keeps in the engine: {@code Decision_ExecutionLight} (预算执行灯, {@code
 * bpmn/execution-light.dmn}) and {@code Decision_IndicatorLight} (指标进度灯, {@code bpmn/indicator-light.dmn}). Input
 * {@code ratio} (v, percent of what was due, two decimals), output {@code light}. A new version must give a light for
 * every v the check tries ({@link Samples}: up to 200 by tenths and a hundredth each side of every whole v, whole v
 * up to 1000).
 */
public final class LightRules {

    public static final String EXECUTION = "Decision_ExecutionLight";
    public static final String INDICATOR = "Decision_IndicatorLight";

    private static final List<Map<String, Object>> RATIOS = ratios();

    private LightRules() {
    }

    public static RuleTable execution() {
        return table(EXECUTION, "预算执行灯", Set.of(Light.RED, Light.YELLOW, Light.GREEN));
    }

    public static RuleTable indicator() {
        return table(INDICATOR, "指标进度灯", Set.of(Light.RED, Light.YELLOW, Light.GREEN, Light.BLUE));
    }

    /** The input of both tables for one v. */
    static Map<String, Object> input(BigDecimal ratio) {
        return Map.of("ratio", ratio.doubleValue());
    }

    /** The light a rule's output names; null when it names none. */
    static Light light(Map<String, Object> output) {
        Object v = output.get("light");
        if (v == null) {
            return null;
        }
        try {
            return Light.valueOf(v.toString().strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RuleTable table(String key, String label, Set<Light> allowed) {
        return new RuleTable() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public List<Map<String, Object>> samples() {
                return RATIOS;
            }

            @Override
            public String checkOutput(Map<String, Object> output) {
                Light l = light(output);
                return l != null && allowed.contains(l) ? null : "输出 light 为 " + output.get("light") + "，须为 "
                        + String.join("、", allowed.stream().sorted().map(x -> "\"" + x.name() + "\"").toList());
            }
        };
    }

    private static List<Map<String, Object>> ratios() {
        return Samples.upTo(200, 1000).stream().map(LightRules::input).toList();
    }
}
