package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bpmn/grade.dmn} and {@code bpmn/default-weights.dmn} hold the numbers of 财预〔2020〕10号. */
class GradeDecisionTest {

    private static final ScoringRules RULES = ScoringFiles.rules();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"100.00, EXCELLENT", "90.00, EXCELLENT", "89.99, GOOD", "80.00, GOOD", "79.99, FAIR",
            "60.00, FAIR", "59.99, POOR", "0.00, POOR"})
    void bothSidesOfEveryBandEdge(String total, Grade grade) {
        assertThat(RULES.grade(new BigDecimal(total))).isEqualTo(grade);
    }

    @Test
    void defaultWeightsAre50And30And10() {
        ScoringRules.DefaultWeights w = RULES.defaultWeights();
        assertThat(w.output()).isEqualByComparingTo("50");
        assertThat(w.benefit()).isEqualByComparingTo("30");
        assertThat(w.satisfaction()).isEqualByComparingTo("10");
    }
}
