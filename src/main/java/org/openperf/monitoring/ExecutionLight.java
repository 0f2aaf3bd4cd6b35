package org.openperf.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 预算执行灯: v = 执行率 ÷ 计划 × 100 from the two percents as the report shows them (2 decimals), rounded half-up to 2
 * decimals, and the light of v from the bands ({@code bpmn/execution-light.dmn}). Computing from the shown percents
 * means a reader who divides the numbers on the 监控表 gets the same v, and the light is decided on v as shown.
 *
 * <p>A planned 0% (an early milestone of a plan such as {@code 3月底 0.00}) makes v undefined: nothing was due, so
 * the light is green, v is {@code null} and the explanation says so.
 */
public class ExecutionLight {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LightTable table;

    public ExecutionLight(LightTable table) {
        this.table = table;
    }

    /** @param ratio v, or null when nothing was planned by the milestone */
    public record Rating(BigDecimal ratio, Light light) {

        public boolean nothingDue() {
            return ratio == null;
        }
    }

    /** @param executionRate and @param plannedPercent cumulative percents of the budget, 2 decimals */
    public Rating rate(BigDecimal executionRate, BigDecimal plannedPercent) {
        if (plannedPercent.signum() <= 0) {
            return new Rating(null, Light.GREEN);
        }
        BigDecimal v = ratio(executionRate, plannedPercent);
        return new Rating(v, table.execution(v));
    }

    /** v = actual ÷ planned × 100, 2 decimals half-up; planned must be positive. */
    public static BigDecimal ratio(BigDecimal actualPercent, BigDecimal plannedPercent) {
        return actualPercent.multiply(HUNDRED).divide(plannedPercent, 2, RoundingMode.HALF_UP);
    }
}
