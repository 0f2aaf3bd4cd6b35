package org.openperf.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 实际完成值 of one indicator, as the preparer fills it in the self-evaluation table. Which part counts depends on the
 * indicator: a quantity reads {@code number} (or, when absent, {@code text} through the target-value parser: {@code 45},
 * {@code 95%}); a deadline reads {@code completedOn} (null: not done); a qualitative indicator reads {@code tier} and
 * {@code score}; grading bands read the number, or for text bands ({@code 及时 / 延期一周}) the text.
 *
 * @param text                 the value as written ({@code 96.5%}, {@code 及时}); may be null when {@code number} is given
 * @param number               the value as a number, in the target's unit
 * @param completedOn          for deadlines: the day the target was met; null when it was not met
 * @param tier                 for qualitative indicators, and for a missed deadline when the reviewer sets a tier
 * @param score                the score chosen inside the tier
 * @param deviationExplanation 偏差原因分析及改进措施; needed for every shortfall and every over-achievement above 120%
 */
public record IndicatorActual(String text, BigDecimal number, LocalDate completedOn, QualitativeTier tier,
                              BigDecimal score, String deviationExplanation) {

    public static IndicatorActual value(String text) {
        return new IndicatorActual(text, null, null, null, null, null);
    }

    public static IndicatorActual number(BigDecimal number) {
        return new IndicatorActual(null, number, null, null, null, null);
    }

    public static IndicatorActual number(String number) {
        return number(new BigDecimal(number));
    }

    public static IndicatorActual completedOn(LocalDate day) {
        return new IndicatorActual(null, null, day, null, null, null);
    }

    /** A deadline that was not met (by the time of the evaluation): 未完成. */
    public static IndicatorActual notCompleted() {
        return new IndicatorActual("未完成", null, null, null, null, null);
    }

    public static IndicatorActual tier(QualitativeTier tier, BigDecimal score) {
        return new IndicatorActual(null, null, null, tier, score, null);
    }

    public static IndicatorActual tier(QualitativeTier tier, String score) {
        return tier(tier, new BigDecimal(score));
    }

    /** The same actual with a tier set (by the reviewer, for a missed deadline). */
    public IndicatorActual withTier(QualitativeTier newTier, BigDecimal newScore) {
        return new IndicatorActual(text, number, completedOn, newTier, newScore, deviationExplanation);
    }

    public IndicatorActual withExplanation(String explanation) {
        return new IndicatorActual(text, number, completedOn, tier, score, explanation);
    }

    public boolean hasExplanation() {
        return deviationExplanation != null && !deviationExplanation.isBlank();
    }
}
