package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openperf.monitoring.Fixtures.project;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Project;

/** Budget execution at milestones, every number worked by hand. Budgets in 万元. */
class MonitoringCalculatorTest {

    private static final MonitoringCalculator CALC = LightFiles.calculator();

    private static ExecutionResult at(Project p, int month, SpendingReading... readings) {
        return CALC.execution(p, List.of(readings), Milestones.at(p, month));
    }

    @Test
    void theDomainExample() {
        Project p = project("1000", 3, "30", 6, "60", 10, "90", 12, "100");
        ExecutionResult r = at(p, 6, SpendingReading.of("2024-06-30", "300"));
        assertThat(r.executionRate()).isEqualByComparingTo("30.00");
        assertThat(r.plannedPercent()).isEqualByComparingTo("60.00");
        assertThat(r.ratio()).isEqualByComparingTo("50.00");
        assertThat(r.light()).isEqualTo(Light.RED);
        assertThat(r.explanation())
                .isEqualTo("截至6月底累计支出 300.00 万元，执行率 30.00%，计划 60.00%，完成序时进度的 50.00%：红灯");
    }

    /** A plan that spends everything by 10月底 makes v equal the execution rate: the exact edges are reachable. */
    @ParameterizedTest(name = "plan 10月底 100%: spent {0} of 1000 → v {1} {2}")
    @CsvSource({
        "599.90, 59.99, RED", "600, 60.00, YELLOW", "799.90, 79.99, YELLOW", "800, 80.00, GREEN",
        "1000, 100.00, GREEN"})
    void edgesWithPlan(String spent, String v, Light light) {
        Project p = project("1000", 3, "0", 6, "0", 10, "100", 12, "100");
        ExecutionResult r = at(p, 10, SpendingReading.of("2024-10-31", spent));
        assertThat(r.milestone().fromPlan()).isTrue();
        assertThat(r.executionRate()).isEqualByComparingTo(v);
        assertThat(r.ratio()).isEqualByComparingTo(v);
        assertThat(r.light()).isEqualTo(light);
    }

    /** No plan: 12月底 is 100% linear, so v is the execution rate. */
    @ParameterizedTest(name = "no plan 12月底: spent {0} of 1000 → v {1} {2}")
    @CsvSource({"599.90, 59.99, RED", "600, 60.00, YELLOW", "799.90, 79.99, YELLOW", "800, 80.00, GREEN"})
    void edgesWithoutPlan(String spent, String v, Light light) {
        Project p = project("1000");
        ExecutionResult r = at(p, 12, SpendingReading.of("2024-12-31", spent));
        assertThat(r.milestone().fromPlan()).isFalse();
        assertThat(r.plannedPercent()).isEqualByComparingTo("100.00");
        assertThat(r.ratio()).isEqualByComparingTo(v);
        assertThat(r.light()).isEqualTo(light);
    }

    /** No plan, 6月底: 序时进度 50%. 300 of 1000 = 30% → 60.00; 299.9 → 29.99% → 59.98. */
    @ParameterizedTest(name = "no plan 6月底: spent {0} → rate {1}, v {2} {3}")
    @CsvSource({
        "299.90, 29.99, 59.98, RED", "300, 30.00, 60.00, YELLOW", "399.90, 39.99, 79.98, YELLOW",
        "400, 40.00, 80.00, GREEN", "700, 70.00, 140.00, GREEN"})
    void linearHalfYear(String spent, String rate, String v, Light light) {
        ExecutionResult r = at(project("1000"), 6, SpendingReading.of("2024-06-30", spent));
        assertThat(r.plannedPercent()).isEqualByComparingTo("50.00");
        assertThat(r.executionRate()).isEqualByComparingTo(rate);
        assertThat(r.ratio()).isEqualByComparingTo(v);
        assertThat(r.light()).isEqualTo(light);
    }

    @Test
    void linearTenMonthsUsesTheShownPercent() {
        // 10月底 without plan: 83.33%. Spent 500 of 1000 = 50.00% → 50.00 ÷ 83.33 × 100 = 60.0024 → 60.00 yellow.
        ExecutionResult r = at(project("1000"), 10, SpendingReading.of("2024-10-31", "500"));
        assertThat(r.plannedPercent()).isEqualByComparingTo("83.33");
        assertThat(r.ratio()).isEqualByComparingTo("60.00");
        assertThat(r.light()).isEqualTo(Light.YELLOW);
        assertThat(r.explanation())
                .isEqualTo("截至10月底累计支出 500.00 万元，执行率 50.00%，计划 83.33%，完成序时进度的 60.00%：黄灯");
    }

    @Test
    void vIsComputedFromTheRateAsShown() {
        // 479.96 of 1000 = 47.996% shows as 48.00%; 48.00 ÷ 60.00 = 80.00: green, as a reader of the report computes.
        Project p = project("1000", 3, "30", 6, "60", 10, "90", 12, "100");
        ExecutionResult r = at(p, 6, SpendingReading.of("2024-06-30", "479.96"));
        assertThat(r.executionRate()).isEqualByComparingTo("48.00");
        assertThat(r.ratio()).isEqualByComparingTo("80.00");
        assertThat(r.light()).isEqualTo(Light.GREEN);
        // 479.94 → 47.99% → 79.98: yellow
        assertThat(at(p, 6, SpendingReading.of("2024-06-30", "479.94")).light()).isEqualTo(Light.YELLOW);
    }

    @Test
    void plannedZeroIsGreenWithoutRatio() {
        Project p = project("1000", 3, "0", 6, "0", 10, "100", 12, "100");
        ExecutionResult none = at(p, 3, SpendingReading.of("2024-03-31", "0"));
        assertThat(none.plannedPercent()).isEqualByComparingTo("0.00");
        assertThat(none.ratio()).isNull();
        assertThat(none.light()).isEqualTo(Light.GREEN);
        assertThat(none.explanation()).isEqualTo(
                "截至3月底累计支出 0.00 万元，执行率 0.00%，计划 0.00%，计划尚无支出（序时进度为 0），不计完成比例：绿灯");
        ExecutionResult early = at(p, 6, SpendingReading.of("2024-05-20", "120"));
        assertThat(early.executionRate()).isEqualByComparingTo("12.00");
        assertThat(early.ratio()).isNull();
        assertThat(early.light()).isEqualTo(Light.GREEN);
    }

    @Test
    void theLatestReadingOnOrBeforeTheMilestoneCounts() {
        Project p = project("1000", 3, "30", 6, "60", 10, "90", 12, "100");
        List<SpendingReading> readings = List.of(
                SpendingReading.of("2024-07-01", "500"),   // after 6月底: ignored
                SpendingReading.of("2024-03-31", "100"),
                SpendingReading.of("2024-06-30", "480"),   // the one
                SpendingReading.of("2024-06-15", "250"),
                SpendingReading.of("2024-09-30", "700"));
        ExecutionResult r = CALC.execution(p, readings, Milestones.at(p, 6));
        assertThat(r.reading().asOf()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(r.spent()).isEqualByComparingTo("480");
        assertThat(r.ratio()).isEqualByComparingTo("80.00");
        assertThat(r.light()).isEqualTo(Light.GREEN);
        // 3月底: 100 of 1000 = 10% of 30% → 33.33 red
        ExecutionResult march = CALC.execution(p, readings, Milestones.at(p, 3));
        assertThat(march.spent()).isEqualByComparingTo("100");
        assertThat(march.ratio()).isEqualByComparingTo("33.33");
        assertThat(march.light()).isEqualTo(Light.RED);
    }

    @Test
    void aCorrectionOnTheSameDayReplacesTheEarlierReading() {
        Project p = project("1000");
        ExecutionResult r = CALC.execution(p, List.of(SpendingReading.of("2024-06-30", "300"),
                SpendingReading.of("2024-06-30", "320")), Milestones.at(p, 6));
        assertThat(r.spent()).isEqualByComparingTo("320");
        assertThat(r.ratio()).isEqualByComparingTo("64.00");
    }

    @Test
    void readingsOfTheYearBeforeDoNotCount() {
        Project p = project("1000");
        ExecutionResult r = CALC.execution(p, List.of(SpendingReading.of("2023-12-31", "900")),
                Milestones.at(p, 3));
        assertThat(r.reading()).isNull();
        assertThat(r.spent()).isEqualByComparingTo("0");
        assertThat(r.light()).isEqualTo(Light.RED);
        assertThat(r.explanation())
                .isEqualTo("截至3月底未报执行数，累计支出按 0.00 万元计，执行率 0.00%，计划 25.00%，完成序时进度的 0.00%：红灯");
    }

    @Test
    void zeroBudgetHasNoRateAndIsGreen() {
        ExecutionResult r = at(project("0"), 6);
        assertThat(r.executionRate()).isNull();
        assertThat(r.light()).isEqualTo(Light.GREEN);
        assertThat(r.explanation()).isEqualTo("截至6月底未报执行数，累计支出按 0.00 万元计，预算数为 0，不计执行率：绿灯");
    }

    @Test
    void missingBudgetIsAnError() {
        Project p = new Project(2024, "无预算");
        assertThatThrownBy(() -> CALC.execution(p, List.of(), Milestones.at(p, 6)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fractionalAmountsShowTwoDecimals() {
        // 835 万元 (Qingdao 402001), spent 208.755 → 25.00% (208.755/835 = 0.2500...), 6月底 linear 50 → 50.00 red
        ExecutionResult r = at(project("835"), 6, SpendingReading.of("2024-06-28", "208.755"));
        assertThat(r.executionRate()).isEqualByComparingTo("25.00");
        assertThat(r.explanation()).startsWith("截至6月底累计支出 208.76 万元，执行率 25.00%，计划 50.00%");
    }

    @Test
    void calculatorMilestonesUseTheDefaultMonthsOnlyWithoutPlan() {
        MonitoringCalculator custom = new MonitoringCalculator(new MonitoringSettings(List.of(6, 12)),
                LightFiles.table());
        assertThat(custom.milestones(project("1"))).extracting(Milestone::month).containsExactly(6, 12);
        assertThat(custom.milestones(project("1", 3, "20", 12, "100"))).extracting(Milestone::month)
                .containsExactly(3, 12);
    }
}
