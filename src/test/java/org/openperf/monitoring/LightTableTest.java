package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DMN tables in bpmn/ and the Java bands give the hand-written light at every edge, and agree everywhere. */
class LightTableTest {

    private static final DmnLightTable DMN = new DmnLightTable();
    private static final LightBands JAVA = LightBands.DEFAULT;

    @ParameterizedTest(name = "execution v={0} → {1}")
    @CsvSource({
        "0, RED", "30, RED", "59.99, RED", "60, YELLOW", "60.00, YELLOW", "70, YELLOW", "79.99, YELLOW",
        "80, GREEN", "80.00, GREEN", "119.99, GREEN", "120, GREEN", "250, GREEN"})
    void executionEdges(String v, Light expected) {
        assertThat(DMN.execution(new BigDecimal(v))).isEqualTo(expected);
        assertThat(JAVA.execution(new BigDecimal(v))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "indicator v={0} → {1}")
    @CsvSource({
        "0, RED", "59.99, RED", "60, YELLOW", "79.99, YELLOW", "80, GREEN", "100, GREEN", "119.99, GREEN",
        "120, BLUE", "120.00, BLUE", "300, BLUE"})
    void indicatorEdges(String v, Light expected) {
        assertThat(DMN.indicator(new BigDecimal(v))).isEqualTo(expected);
        assertThat(JAVA.indicator(new BigDecimal(v))).isEqualTo(expected);
    }

    @Test
    void dmnAndJavaAgreeOnEveryHundredthFrom0To150() {
        for (int cents = 0; cents <= 15_000; cents++) {
            BigDecimal v = BigDecimal.valueOf(cents, 2);
            assertThat(DMN.execution(v)).as("execution %s", v).isEqualTo(JAVA.execution(v));
            assertThat(DMN.indicator(v)).as("indicator %s", v).isEqualTo(JAVA.indicator(v));
        }
    }
}
