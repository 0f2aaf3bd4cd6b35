package org.openperf.evaluation.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openperf.evaluation.Fraction;
import org.openperf.evaluation.Grade;
import org.openperf.evaluation.ScoringException;
import org.openperf.evaluation.ScoringSettings;

/** 部门整体支出绩效自评's arithmetic, worked by hand on small tables. */
class DepartmentScoringTest {

    static final ScoringSettings DEFAULTS = ScoringSettings.defaults();

    static DepartmentScoring.Activity unweighted(int indicators) {
        return new DepartmentScoring.Activity(Arrays.asList(new BigDecimal[indicators]));
    }

    static List<Grade> all(Grade g, int n) {
        return java.util.Collections.nCopies(n, g);
    }

    @Test
    void withoutWeightsActivitiesShareTheNinetyAndAllExcellentWithTheBudgetSpentIsExactlyAHundred() {
        // Three activities of 1, 2 and 4 indicators (30 each): 30, 15 + 15, 7.5 × 4.
        DepartmentScoring.Sheet s = DepartmentScoring.score(List.of(unweighted(1), unweighted(2), unweighted(4)),
                all(Grade.EXCELLENT, 7), new BigDecimal("800"), new BigDecimal("800"), DEFAULTS);
        assertThat(s.weights()).containsExactly(Fraction.of(30), Fraction.of(15), Fraction.of(15),
                Fraction.of(15, 2), Fraction.of(15, 2), Fraction.of(15, 2), Fraction.of(15, 2));
        assertThat(s.total()).isEqualTo(Fraction.of(100));
        assertThat(s.shown()).isEqualByComparingTo("100.00");
    }

    @Test
    void bandsScoreTheirPartOfTheWeightAndOverspendingIsCappedAtTen() {
        // Seven activities of one indicator each: 90/7 apiece. 良 → 72/7, 中 → 54/7, 差 → 0, four 优 → 360/7.
        // Indicators (72 + 54 + 360)/7 = 486/7 = 69.428…; spent 1,200 of 1,000: capped at 10. Total 79.43 (中).
        List<DepartmentScoring.Activity> seven = java.util.Collections.nCopies(7, unweighted(1));
        DepartmentScoring.Sheet s = DepartmentScoring.score(seven, List.of(Grade.GOOD, Grade.FAIR, Grade.POOR,
                Grade.EXCELLENT, Grade.EXCELLENT, Grade.EXCELLENT, Grade.EXCELLENT), new BigDecimal("1000"),
                new BigDecimal("1200"), DEFAULTS);
        assertThat(s.scores().get(0)).isEqualTo(Fraction.of(72, 7));
        assertThat(s.scores().get(2)).isEqualTo(Fraction.ZERO);
        assertThat(s.budgetScore()).isEqualTo(Fraction.of(10));
        assertThat(s.total()).isEqualTo(Fraction.of(556, 7));
        assertThat(s.shown()).isEqualByComparingTo("79.43");
    }

    @Test
    void theTablesOwnWeightsWinWhenEveryIndicatorHasOne() {
        // Weights 60 and 30; 良 on the first: 48 + 30; spent 300 of 400: 7.5. Total 85.5.
        DepartmentScoring.Sheet s = DepartmentScoring.score(
                List.of(new DepartmentScoring.Activity(List.of(new BigDecimal("60"), new BigDecimal("30")))),
                List.of(Grade.GOOD, Grade.EXCELLENT), new BigDecimal("400"), new BigDecimal("300"), DEFAULTS);
        assertThat(s.shown()).isEqualByComparingTo("85.50");
        assertThat(s.basis()).contains("权重取自批复的部门整体绩效目标");
    }

    @Test
    void weightsOnSomeIndicatorsOnlyOrNotAddingUpToNinetyAreRefusedNamingTheIndicator() {
        assertThatThrownBy(() -> DepartmentScoring.score(
                List.of(new DepartmentScoring.Activity(Arrays.asList(new BigDecimal("90"), null))),
                all(Grade.EXCELLENT, 2), BigDecimal.TEN, BigDecimal.TEN, DEFAULTS))
                .isInstanceOf(ScoringException.class).hasMessageContaining("第 2 个指标未填");
        assertThatThrownBy(() -> DepartmentScoring.score(
                List.of(new DepartmentScoring.Activity(List.of(new BigDecimal("50"), new BigDecimal("30")))),
                all(Grade.EXCELLENT, 2), BigDecimal.TEN, BigDecimal.TEN, DEFAULTS))
                .isInstanceOf(ScoringException.class).hasMessageContaining("指标权重合计 80，须为 90");
    }

    @Test
    void aLineWithoutItsBandYetScoresNothingAndNoBudgetScoresNothing() {
        DepartmentScoring.Sheet s = DepartmentScoring.score(List.of(unweighted(2)), Arrays.asList(Grade.EXCELLENT, null),
                null, null, DEFAULTS);
        assertThat(s.total()).isEqualTo(Fraction.of(45));
    }
}
