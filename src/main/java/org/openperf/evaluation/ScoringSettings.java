package org.openperf.evaluation;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers of self-evaluation scoring a province may set differently ({@code perf.scoring.*}); the defaults are
 * those of 财预〔2020〕10号. Percentages are of an indicator's weight (bands) or of its target (over-achievement).
 * The default weights of 产出/效益/满意度 and the grade bands are not here: finance keeps them as decision tables in
 * the engine ({@link ScoringTables}, docs/rules.md).
 *
 * @param budgetExecutionWeight  分值 of 预算执行率 (10)
 * @param indicatorWeightTotal   what the indicator weights sum to (90); a table's own weights, and the default
 *                               weights of {@code Decision_DefaultWeights}, must sum to it
 * @param overAchievementPercent above this percent of a ≥ target an explanation is required (120)
 * @param bandExcellentPercent   part of the weight an indicator graded 优 by its bands gets (100)
 * @param bandGoodPercent        良 (80)
 * @param bandFairPercent        中 (60)
 * @param bandPoorPercent        差 (0)
 */
@ConfigurationProperties(prefix = "perf.scoring")
public record ScoringSettings(
        @DefaultValue("10") BigDecimal budgetExecutionWeight,
        @DefaultValue("90") BigDecimal indicatorWeightTotal,
        @DefaultValue("120") BigDecimal overAchievementPercent,
        @DefaultValue("100") BigDecimal bandExcellentPercent,
        @DefaultValue("80") BigDecimal bandGoodPercent,
        @DefaultValue("60") BigDecimal bandFairPercent,
        @DefaultValue("0") BigDecimal bandPoorPercent) {

    public ScoringSettings {
        budgetExecutionWeight = or(budgetExecutionWeight, "10");
        indicatorWeightTotal = or(indicatorWeightTotal, "90");
        overAchievementPercent = or(overAchievementPercent, "120");
        bandExcellentPercent = or(bandExcellentPercent, "100");
        bandGoodPercent = or(bandGoodPercent, "80");
        bandFairPercent = or(bandFairPercent, "60");
        bandPoorPercent = or(bandPoorPercent, "0");
    }

    private static BigDecimal or(BigDecimal value, String fallback) {
        return value != null ? value : new BigDecimal(fallback);
    }

    /** The defaults of 财预〔2020〕10号. */
    public static ScoringSettings defaults() {
        return new ScoringSettings(null, null, null, null, null, null, null);
    }

    /** Percent of the weight for an indicator graded by its bands. */
    public BigDecimal bandPercent(Grade band) {
        return switch (band) {
            case EXCELLENT -> bandExcellentPercent;
            case GOOD -> bandGoodPercent;
            case FAIR -> bandFairPercent;
            case POOR -> bandPoorPercent;
        };
    }
}
