package org.openperf.monitoring;

import java.math.BigDecimal;

/**
 * 预算执行 at one milestone.
 *
 * @param reading        the reading used: the latest dated on or before the milestone's last day; null when none
 *                       was reported (then spent is 0)
 * @param spent          cumulative spent, 万元
 * @param executionRate  spent ÷ budget × 100, 2 decimals half-up; null for a budget of 0
 * @param plannedPercent the plan's (or linear) cumulative percent, 2 decimals
 * @param ratio          v = executionRate ÷ plannedPercent × 100, 2 decimals; null when nothing was planned yet
 *                       (planned 0%) or the budget is 0
 * @param explanation    Chinese, e.g. {@code 截至6月底累计支出 300.00 万元，执行率 30.00%，计划 60.00%，完成序时进度的
 *                       50.00%：红灯}
 */
public record ExecutionResult(Milestone milestone, SpendingReading reading, BigDecimal spent,
                              BigDecimal executionRate, BigDecimal plannedPercent, BigDecimal ratio, Light light,
                              String explanation) {
}
