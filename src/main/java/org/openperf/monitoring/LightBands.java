package org.openperf.monitoring;

import java.math.BigDecimal;

/**
 * The light bands of DOMAIN.md in Java: v &lt; redBelow red, v &lt; greenFrom yellow, then green, and for
 * indicators v ≥ blueFrom blue. The defaults are the ones {@code bpmn/execution-light.dmn} and
 * {@code bpmn/indicator-light.dmn} hold; a province that changes the bands changes the DMN tables.
 */
public record LightBands(BigDecimal redBelow, BigDecimal greenFrom, BigDecimal blueFrom) implements LightTable {

    public static final LightBands DEFAULT =
            new LightBands(BigDecimal.valueOf(60), BigDecimal.valueOf(80), BigDecimal.valueOf(120));

    @Override
    public Light execution(BigDecimal ratio) {
        if (ratio.compareTo(redBelow) < 0) {
            return Light.RED;
        }
        return ratio.compareTo(greenFrom) < 0 ? Light.YELLOW : Light.GREEN;
    }

    @Override
    public Light indicator(BigDecimal ratio) {
        return ratio.compareTo(blueFrom) >= 0 ? Light.BLUE : execution(ratio);
    }
}
