package org.openperf.evaluation;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers of self-evaluation scoring a province may set differently ({@code perf.scoring.*}); the defaults are
 * those of 财预〔2020〕10号. Percentages are of an indicator's weight (bands) or of its target (over-achievement).
 *
 * @param budgetExecutionWeight  分值 of 预算执行率 (10)
 * @param indicatorWeightTotal   what the indicator weights sum to (90); a table's own weights must sum to it
 * @param outputShare            default weight of 产出指标 (with 成本指标) when the table has none (50)
 * @param benefitShare           default weight of 效益指标 (30)
 * @param satisfactionShare      default weight of 满意度指标 (10)
 * @param overAchievementPercent above this percent of a ≥ target an explanation is required (120)
 * @param bandExcellentPercent   part of the weight an indicator graded 优 by its bands gets (100)
 * @param bandGoodPercent        良 (80)
 * @param bandFairPercent        中 (60)
 * @param bandPoorPercent        差 (0)
 * @param gradeExcellentFrom     total from which the grade is 优 (90)
 * @param gradeGoodFrom          良 (80)
 * @param gradeFairFrom          中 (60); below it 差
 */
@ConfigurationProperties(prefix = "perf.scoring")
public record ScoringSettings(
        @DefaultValue("10") BigDecimal budgetExecutionWeight,
        @DefaultValue("90") BigDecimal indicatorWeightTotal,
        @DefaultValue("50") BigDecimal outputShare,
        @DefaultValue("30") BigDecimal benefitShare,
        @DefaultValue("10") BigDecimal satisfactionShare,
        @DefaultValue("120") BigDecimal overAchievementPercent,
        @DefaultValue("100") BigDecimal bandExcellentPercent,
        @DefaultValue("80") BigDecimal bandGoodPercent,
        @DefaultValue("60") BigDecimal bandFairPercent,
        @DefaultValue("0") BigDecimal bandPoorPercent,
        @DefaultValue("90") BigDecimal gradeExcellentFrom,
        @DefaultValue("80") BigDecimal gradeGoodFrom,
        @DefaultValue("60") BigDecimal gradeFairFrom) {

    public ScoringSettings {
        budgetExecutionWeight = or(budgetExecutionWeight, "10");
        indicatorWeightTotal = or(indicatorWeightTotal, "90");
        outputShare = or(outputShare, "50");
        benefitShare = or(benefitShare, "30");
        satisfactionShare = or(satisfactionShare, "10");
        overAchievementPercent = or(overAchievementPercent, "120");
        bandExcellentPercent = or(bandExcellentPercent, "100");
        bandGoodPercent = or(bandGoodPercent, "80");
        bandFairPercent = or(bandFairPercent, "60");
        bandPoorPercent = or(bandPoorPercent, "0");
        gradeExcellentFrom = or(gradeExcellentFrom, "90");
        gradeGoodFrom = or(gradeGoodFrom, "80");
        gradeFairFrom = or(gradeFairFrom, "60");
        if (outputShare.add(benefitShare).add(satisfactionShare).compareTo(indicatorWeightTotal) != 0) {
            throw new IllegalArgumentException("默认权重 产出 " + outputShare.toPlainString() + " + 效益 "
                    + benefitShare.toPlainString() + " + 满意度 " + satisfactionShare.toPlainString()
                    + " 须等于指标总分 " + indicatorWeightTotal.toPlainString());
        }
        if (gradeExcellentFrom.compareTo(gradeGoodFrom) <= 0 || gradeGoodFrom.compareTo(gradeFairFrom) <= 0) {
            throw new IllegalArgumentException("等级分数线须递减：优 " + gradeExcellentFrom.toPlainString() + " > 良 "
                    + gradeGoodFrom.toPlainString() + " > 中 " + gradeFairFrom.toPlainString());
        }
    }

    private static BigDecimal or(BigDecimal value, String fallback) {
        return value != null ? value : new BigDecimal(fallback);
    }

    /** The defaults of 财预〔2020〕10号. */
    public static ScoringSettings defaults() {
        return new ScoringSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same settings with other grade lines (some provinces use 80/70/60). */
    public ScoringSettings withGradeLines(String excellentFrom, String goodFrom, String fairFrom) {
        return new ScoringSettings(budgetExecutionWeight, indicatorWeightTotal, outputShare, benefitShare,
                satisfactionShare, overAchievementPercent, bandExcellentPercent, bandGoodPercent, bandFairPercent,
                bandPoorPercent, new BigDecimal(excellentFrom), new BigDecimal(goodFrom), new BigDecimal(fairFrom));
    }

    /** The grade of a total as shown (rounded to two decimals). */
    public Grade grade(BigDecimal totalShown) {
        if (totalShown.compareTo(gradeExcellentFrom) >= 0) {
            return Grade.EXCELLENT;
        }
        if (totalShown.compareTo(gradeGoodFrom) >= 0) {
            return Grade.GOOD;
        }
        if (totalShown.compareTo(gradeFairFrom) >= 0) {
            return Grade.FAIR;
        }
        return Grade.POOR;
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
