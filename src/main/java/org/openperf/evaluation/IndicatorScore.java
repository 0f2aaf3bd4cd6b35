package org.openperf.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator's line of the self-evaluation table.
 *
 * @param index       position in the approved table (0-based)
 * @param id          the indicator's id, null for an unsaved table
 * @param weight      分值, exact (50/7 for one of seven 产出 indicators under the default split)
 * @param score       得分, exact and unrounded
 * @param scoreShown  得分 as shown: half-up to two decimals
 * @param explanation the rule applied, in Chinese, with the numbers
 * @param notes       what this indicator still needs (also in {@link ScoreSheet#notes()})
 */
public record IndicatorScore(int index, Long id, String level1, String name, String targetText, String actualText,
                             Fraction weight, Fraction score, BigDecimal scoreShown, ScoringRule rule,
                             String explanation, String deviationExplanation, List<ScoreNote> notes) {

    /** 分值 as shown: half-up to two decimals. */
    public BigDecimal weightShown() {
        return weight.round(2);
    }

    /** The unrounded score as a decimal (34 significant digits). */
    public BigDecimal scoreUnrounded() {
        return score.toBigDecimal();
    }

    public boolean isShortfall() {
        return score.compareTo(weight) < 0;
    }
}
