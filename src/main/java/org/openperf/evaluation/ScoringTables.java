package org.openperf.evaluation;

import java.math.BigDecimal;
import org.openperf.kernel.rules.Samples;
import java.util.List;
import java.util.Map;
import org.openperf.kernel.rules.RuleTable;

/**
 * The scoring tables finance keeps in the engine, and what every version of them must satisfy to be deployed:
 * <ul>
 *   <li>{@code Decision_Grade} (绩效等级, {@code bpmn/grade.dmn}): input {@code total} (the total as shown), output
 *       {@code grade} 优/良/中/差 for every total the check tries (0 to 100 by tenths and a hundredth each side of
 *       every whole total); a higher total never gets a lower grade.</li>
 *   <li>{@code Decision_DefaultWeights} (默认权重, {@code bpmn/default-weights.dmn}): input {@code group} (产出, 效益,
 *       满意度), output {@code weight}; the three add up to the indicator total ({@code
 *       perf.scoring.indicator-weight-total}, 90; 预算执行率 has the other 10).</li>
 * </ul>
 */
public final class ScoringTables {

    public static final String GRADE = "Decision_Grade";
    public static final String WEIGHTS = "Decision_DefaultWeights";
    public static final String OUTPUT = "产出";
    public static final String BENEFIT = "效益";
    public static final String SATISFACTION = "满意度";

    private ScoringTables() {
    }

    static Map<String, Object> total(BigDecimal totalShown) {
        return Map.of("total", totalShown.doubleValue());
    }

    static Map<String, Object> group(String group) {
        return Map.of("group", group);
    }

    /** The grade a rule's output names; null when it names none. */
    static Grade grade(Map<String, Object> output) {
        Object v = output.get("grade");
        try {
            return v == null ? null : Grade.fromLabel(v.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The weight a rule's output gives; null when it gives no number. */
    static BigDecimal weight(Map<String, Object> output) {
        Object v = output.get("weight");
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        try {
            return v == null ? null : new BigDecimal(v.toString().strip()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static RuleTable grades() {
        List<BigDecimal> totals = Samples.upTo(100, 100);
        List<Map<String, Object>> samples = totals.stream().map(ScoringTables::total).toList();
        return new RuleTable() {
            @Override
            public String key() {
                return GRADE;
            }

            @Override
            public String label() {
                return "绩效等级";
            }

            @Override
            public List<Map<String, Object>> samples() {
                return samples;
            }

            @Override
            public String checkOutput(Map<String, Object> output) {
                return grade(output) != null ? null : "输出 grade 为 " + output.get("grade") + "，须为 \"优\"、\"良\"、\"中\" 或 \"差\"";
            }

            @Override
            public String checkAll(List<Map<String, Object>> outputs) {
                // Samples run from 0 up: each grade must be at least as good as the one below it.
                for (int i = 1; i < outputs.size(); i++) {
                    Grade below = grade(outputs.get(i - 1));
                    Grade here = grade(outputs.get(i));
                    if (here.ordinal() > below.ordinal()) {
                        return "对总分 " + totals.get(i).toPlainString() + " 给出“" + here.label() + "”，低于总分 "
                                + totals.get(i - 1).toPlainString() + " 的“" + below.label() + "”：总分越高，等级不能越低";
                    }
                }
                return null;
            }
        };
    }

    public static RuleTable weights(BigDecimal indicatorTotal) {
        List<Map<String, Object>> samples = List.of(group(OUTPUT), group(BENEFIT), group(SATISFACTION));
        return new RuleTable() {
            @Override
            public String key() {
                return WEIGHTS;
            }

            @Override
            public String label() {
                return "默认权重";
            }

            @Override
            public List<Map<String, Object>> samples() {
                return samples;
            }

            @Override
            public String checkOutput(Map<String, Object> output) {
                BigDecimal w = weight(output);
                return w != null && w.signum() >= 0 ? null : "输出 weight 为 " + output.get("weight") + "，须为不小于 0 的分值";
            }

            @Override
            public String checkAll(List<Map<String, Object>> outputs) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Map<String, Object> o : outputs) {
                    sum = sum.add(weight(o));
                }
                return sum.compareTo(indicatorTotal) == 0 ? null : "产出 " + weight(outputs.get(0)).toPlainString()
                        + " + 效益 " + weight(outputs.get(1)).toPlainString() + " + 满意度 "
                        + weight(outputs.get(2)).toPlainString() + " = " + sum.toPlainString() + "，须等于指标总分 "
                        + indicatorTotal.stripTrailingZeros().toPlainString();
            }
        };
    }
}
