package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The light tables in bpmn/ give the bands of DOMAIN.md on both sides of every edge. */
class LightTableTest {

    private static final LightTable TABLES = LightFiles.table();

    @ParameterizedTest(name = "execution v={0} → {1}")
    @CsvSource({
        "0, RED", "30, RED", "59.99, RED", "60, YELLOW", "60.00, YELLOW", "70, YELLOW", "79.99, YELLOW",
        "80, GREEN", "80.00, GREEN", "119.99, GREEN", "120, GREEN", "250, GREEN"})
    void executionEdges(String v, Light expected) {
        assertThat(TABLES.execution(new BigDecimal(v))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "indicator v={0} → {1}")
    @CsvSource({
        "0, RED", "59.99, RED", "60, YELLOW", "79.99, YELLOW", "80, GREEN", "100, GREEN", "119.99, GREEN",
        "120, BLUE", "120.00, BLUE", "300, BLUE"})
    void indicatorEdges(String v, Light expected) {
        assertThat(TABLES.indicator(new BigDecimal(v))).isEqualTo(expected);
    }
}
