package org.openperf.monitoring;

import java.math.BigDecimal;

/**
 * What the preparer reports for one indicator at a milestone (1–N月完成值). Which field counts depends on the
 * indicator's kind: {@code valueSoFar} for a quantitative one, {@code achievement} for a qualitative one,
 * {@code done} for a deadline; for an indicator graded by 优/良/中/差 bands, {@code valueSoFar} or the band's words
 * ({@code text}: 延期两周).
 */
public record IndicatorProgress(BigDecimal valueSoFar, Achievement achievement, boolean done, String text) {

    public IndicatorProgress(BigDecimal valueSoFar, Achievement achievement, boolean done) {
        this(valueSoFar, achievement, done, null);
    }

    /** For a banded indicator: the number so far, or the words of the band it is in. */
    public static IndicatorProgress band(BigDecimal valueSoFar, String text) {
        return new IndicatorProgress(valueSoFar, null, false, text);
    }

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
