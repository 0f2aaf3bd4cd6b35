package org.openperf.monitoring;

import java.math.BigDecimal;

/**
 * What the preparer reports for one indicator at a milestone (1–N月完成值). Which field counts depends on the
 * indicator's kind: {@code valueSoFar} for a quantitative one, {@code achievement} for a qualitative one,
 * {@code done} for a deadline.
 */
public record IndicatorProgress(BigDecimal valueSoFar, Achievement achievement, boolean done) {

    public static IndicatorProgress value(BigDecimal valueSoFar) {
        return new IndicatorProgress(valueSoFar, null, false);
    }

    public static IndicatorProgress value(String valueSoFar) {
        return value(new BigDecimal(valueSoFar));
    }

    public static IndicatorProgress tier(Achievement achievement) {
        return new IndicatorProgress(null, achievement, false);
    }

    public static IndicatorProgress deadline(boolean done) {
        return new IndicatorProgress(null, null, done);
    }
}
