package org.openperf.evaluation;

import java.math.BigDecimal;

/**
 * 预算执行率 line of the self-evaluation table: score = min(spent ÷ budget, 1) × weight.
 *
 * @param budget      全年预算数 (万元)
 * @param spent       全年执行数 (万元)
 * @param rate        spent ÷ budget, exact (may exceed 1)
 * @param rateShown   执行率 in percent, half-up to two decimals
 * @param weight      分值 (10)
 * @param score       得分, exact
 * @param scoreShown  得分, half-up to two decimals
 */
public record BudgetExecutionScore(BigDecimal budget, BigDecimal spent, Fraction rate, BigDecimal rateShown,
                                   BigDecimal weight, Fraction score, BigDecimal scoreShown, String explanation) {
}
