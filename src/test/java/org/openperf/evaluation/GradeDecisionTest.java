package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bpmn/grade.dmn} and {@link ScoringSettings#grade} grade every total alike. */
class GradeDecisionTest {

    private static GradeDecision decision;

    @BeforeAll
    static void parseOnce() {
        decision = new GradeDecision();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"100.00, EXCELLENT", "90.00, EXCELLENT", "89.99, GOOD", "80.00, GOOD", "79.99, FAIR",
            "60.00, FAIR", "59.99, POOR", "0.00, POOR"})
    void bothSidesOfEveryBandEdge(String total, Grade grade) {
        BigDecimal t = new BigDecimal(total);
        assertThat(decision.grade(t)).isEqualTo(grade);
        assertThat(ScoringSettings.defaults().grade(t)).isEqualTo(grade);
    }

    /** Every shown total within 1.00 of an edge, and every whole total from 0 to 100. */
    @Test
    void agreesWithTheSettingsAroundEveryEdgeAndOnWholeTotals() {
        ScoringSettings defaults = ScoringSettings.defaults();
        for (int edge : new int[] {60, 80, 90}) {
            for (int cents = edge * 100 - 100; cents <= edge * 100 + 100; cents++) {
                BigDecimal total = BigDecimal.valueOf(cents, 2);
                assertThat(decision.grade(total)).as("total %s", total).isEqualTo(defaults.grade(total));
            }
        }
        for (int whole = 0; whole <= 100; whole++) {
            BigDecimal total = BigDecimal.valueOf(whole);
            assertThat(decision.grade(total)).as("total %s", total).isEqualTo(defaults.grade(total));
        }
    }
}
