package org.openperf.evaluation;

import java.math.BigDecimal;

/**
 * The rules of scoring finance keeps as decision tables in the engine, in one version each: the default weights of
 * a table without its own ({@code Decision_DefaultWeights}) and the grade of a total ({@code Decision_Grade}).
 */
public interface ScoringRules {

    /** 产出 (with 成本), 效益, 满意度 shares of the indicator total when a table has no weights. */
    DefaultWeights defaultWeights();

    /** The grade of a total as shown (two decimals). */
    Grade grade(BigDecimal totalShown);

    /** @param output 产出指标 with 成本指标 @param benefit 效益指标 @param satisfaction 满意度指标 */
    record DefaultWeights(BigDecimal output, BigDecimal benefit, BigDecimal satisfaction) {

        BigDecimal sum() {
            return output.add(benefit).add(satisfaction);
        }
    }
}
