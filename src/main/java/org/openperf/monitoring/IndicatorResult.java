package org.openperf.monitoring;

import java.math.BigDecimal;

/**
 * One indicator's light at a milestone.
 *
 * @param ratio       v for a ≥/> (or = treated as ≥) indicator, 2 decimals; null for the other kinds and when
 *                    nothing was due yet
 * @param explanation Chinese, ending with the light: {@code …完成序时进度的 60.00%：黄灯}
 */
public record IndicatorResult(String indicator, Light light, BigDecimal ratio, String explanation) {
}
