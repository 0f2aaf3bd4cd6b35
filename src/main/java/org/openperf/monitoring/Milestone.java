package org.openperf.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 监控时点: the end of a month of the fiscal year ({@code 6月底}).
 *
 * @param year           the project's fiscal year
 * @param month          1–12
 * @param instant        the end of the month's last day in Asia/Shanghai, written as the first instant after it:
 *                       6月底 2024 is {@code 2024-07-01T00:00+08:00}, 12月底 is 1 January of the next year. A timer
 *                       that fires then fires when the month is over.
 * @param timerDate      {@link #instant} as ISO 8601 with offset, e.g. {@code 2024-07-01T00:00:00+08:00}: what a
 *                       Camunda {@code timerEventDefinition}'s {@code timeDate} takes
 * @param plannedPercent cumulative percent of the budget due by then (计划/序时进度), 2 decimals
 * @param fromPlan       whether {@link #plannedPercent} comes from the table's 资金支出计划 (else linear month/12)
 */
public record Milestone(int year, int month, Instant instant, String timerDate, BigDecimal plannedPercent,
                        boolean fromPlan) {

    /** {@code 6月底}. */
    public String label() {
        return month + "月底";
    }

    /** The month's last day: readings dated on or before it count for this milestone. */
    public LocalDate lastDay() {
        return LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
    }
}
