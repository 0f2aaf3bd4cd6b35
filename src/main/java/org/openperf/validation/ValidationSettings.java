package org.openperf.validation;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The numbers of the validation rules a province may set differently ({@code perf.validation.*}).
 *
 * @param newFrameworkFromYear  first fiscal year under the 2021 indicator framework: from then on a missing 成本指标
 *                              is an error, before it a warning
 * @param indicatorWeightTotal  what the indicator weights (分值权重) of a table must sum to
 * @param budgetExecutionWeight the weight of 预算执行率, outside the indicator total (90 + 10 = 100)
 */
@ConfigurationProperties(prefix = "perf.validation")
public record ValidationSettings(
        @DefaultValue("2021") int newFrameworkFromYear,
        @DefaultValue("90") BigDecimal indicatorWeightTotal,
        @DefaultValue("10") BigDecimal budgetExecutionWeight) {

    public static final int DEFAULT_NEW_FRAMEWORK_FROM_YEAR = 2021;
    public static final BigDecimal DEFAULT_INDICATOR_WEIGHT_TOTAL = BigDecimal.valueOf(90);
    public static final BigDecimal DEFAULT_BUDGET_EXECUTION_WEIGHT = BigDecimal.TEN;

    public ValidationSettings {
        if (indicatorWeightTotal == null) {
            indicatorWeightTotal = DEFAULT_INDICATOR_WEIGHT_TOTAL;
        }
        if (budgetExecutionWeight == null) {
            budgetExecutionWeight = DEFAULT_BUDGET_EXECUTION_WEIGHT;
        }
    }

    /** The defaults of 财预〔2020〕10号 and 财预〔2021〕101号. */
    public static ValidationSettings defaults() {
        return new ValidationSettings(DEFAULT_NEW_FRAMEWORK_FROM_YEAR, DEFAULT_INDICATOR_WEIGHT_TOTAL,
                DEFAULT_BUDGET_EXECUTION_WEIGHT);
    }
}
