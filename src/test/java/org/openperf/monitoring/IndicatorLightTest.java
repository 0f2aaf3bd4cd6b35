package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openperf.monitoring.Fixtures.deadline;
import static org.openperf.monitoring.Fixtures.project;
import static org.openperf.monitoring.Fixtures.qualitative;
import static org.openperf.monitoring.Fixtures.quantitative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openperf.targets.Indicator;
import org.openperf.targets.Operator;
import org.openperf.targets.Project;
import org.openperf.targets.TargetValue;
import org.openperf.targets.ValueKind;

/** Indicator progress lights, every number worked by hand. */
class IndicatorLightTest {

    private static final MonitoringCalculator CALC = LightFiles.calculator();
    private static final Project NO_PLAN = project("1000");

    private static IndicatorResult at(Indicator indicator, int month, IndicatorProgress progress) {
        return CALC.indicator(indicator, progress, Milestones.at(NO_PLAN, month));
    }

    /** ≥200 万人次 at 6月底: 100 due, so v is the value itself. */
    @ParameterizedTest(name = "≥200 at 6月底: {0} → v {1} {2}")
    @CsvSource({
        "59.99, 59.99, RED", "60, 60.00, YELLOW", "79.99, 79.99, YELLOW", "80, 80.00, GREEN",
        "119.99, 119.99, GREEN", "120, 120.00, BLUE", "250, 250.00, BLUE"})
    void lowerBoundHalfYear(String value, String v, Light light) {
        Indicator served = quantitative("服务人次", "≥200 万人次", Operator.GE, "200", "万人次");
        IndicatorResult r = at(served, 6, IndicatorProgress.value(value));
        assertThat(r.ratio()).isEqualByComparingTo(v);
        assertThat(r.light()).isEqualTo(light);
    }

    @ParameterizedTest(name = ">100 at 12月底: {0} → {1}")
    @CsvSource({"119.99, GREEN", "120, BLUE", "79.99, YELLOW", "80, GREEN"})
    void strictLowerBoundYearEnd(String value, Light light) {
        Indicator trained = quantitative("培训人数", ">100 人", Operator.GT, "100", "人");
        assertThat(at(trained, 12, IndicatorProgress.value(value)).light()).isEqualTo(light);
    }

    @Test
    void explanationsOfALowerBound() {
        Indicator served = quantitative("服务人次", "≥200 万人次", Operator.GE, "200", "万人次");
        assertThat(at(served, 6, IndicatorProgress.value("60")).explanation()).isEqualTo(
                "截至6月底完成 60 万人次，目标 ≥200 万人次，序时应完成 100.00（6/12），完成序时进度的 60.00%：黄灯");
        assertThat(at(served, 6, IndicatorProgress.value("130")).explanation()).isEqualTo(
                "截至6月底完成 130 万人次，目标 ≥200 万人次，序时应完成 100.00（6/12），完成序时进度的 130.00%："
                        + "蓝灯（超序时进度，需说明原因）");
    }

    @Test
    void theShareIsExactMonthsOverTwelve() {
        // ≥600 人 at 10月底: 500 due. 399.9 → 79.98 yellow; 400 → 80.00 green.
        // ≥100 人 at 7月底: 58.333… due (not 58.33): 35 → 35 × 1200 / 700 = 60.00 yellow.
        Indicator a = quantitative("新增就业", "≥600 人", Operator.GE, "600", "人");
        assertThat(at(a, 10, IndicatorProgress.value("399.9")).ratio()).isEqualByComparingTo("79.98");
        assertThat(at(a, 10, IndicatorProgress.value("399.9")).light()).isEqualTo(Light.YELLOW);
        assertThat(at(a, 10, IndicatorProgress.value("400")).light()).isEqualTo(Light.GREEN);
        Indicator b = quantitative("补贴人数", "≥100 人", Operator.GE, "100", "人");
        assertThat(at(b, 7, IndicatorProgress.value("35")).ratio()).isEqualByComparingTo("60.00");
        assertThat(at(b, 7, IndicatorProgress.value("35")).light()).isEqualTo(Light.YELLOW);
    }

    @Test
    void upperBoundIsGreenWithinTargetElseRed() {
        Indicator cost = quantitative("人均补贴", "≤8000 元/人", Operator.LE, "8000", "元/人");
        assertThat(at(cost, 6, IndicatorProgress.value("8000")).light()).isEqualTo(Light.GREEN);
        assertThat(at(cost, 6, IndicatorProgress.value("7999.99")).light()).isEqualTo(Light.GREEN);
        IndicatorResult over = at(cost, 6, IndicatorProgress.value("8000.01"));
        assertThat(over.light()).isEqualTo(Light.RED);
        assertThat(over.ratio()).isNull();
        assertThat(over.explanation()).isEqualTo("截至6月底完成 8000.01 元/人，目标 ≤8000 元/人，超出目标：红灯");
        Indicator rate = quantitative("失业率", "<80%", Operator.LT, "80", "%");
        assertThat(at(rate, 3, IndicatorProgress.value("79.99")).light()).isEqualTo(Light.GREEN);
        assertThat(at(rate, 3, IndicatorProgress.value("80")).light()).isEqualTo(Light.RED);
        assertThat(at(rate, 3, IndicatorProgress.value("79.99")).explanation())
                .isEqualTo("截至3月底完成 79.99%，目标 <80%，在目标内：绿灯");
    }

    @Test
    void equalZeroMeansNoneAtAll() {
        Indicator incidents = quantitative("安全事故", "=0 次", Operator.EQ, "0", "次");
        assertThat(at(incidents, 9, IndicatorProgress.value("0")).light()).isEqualTo(Light.GREEN);
        assertThat(at(incidents, 9, IndicatorProgress.value("1")).light()).isEqualTo(Light.RED);
    }

    @Test
    void equalOtherwiseAndNoOperatorCountAsLowerBound() {
        // 8 万元 (no operator) at 6月底: 4 due; 4 → 100.00 green; 2.39 → 59.75 red
        Indicator amount = new Indicator("成本指标", "经济成本指标", "补贴金额", null,
                new TargetValue("8 万元", null, new BigDecimal("8"), null, "万元", ValueKind.QUANTITATIVE, null));
        assertThat(at(amount, 6, IndicatorProgress.value("4")).ratio()).isEqualByComparingTo("100.00");
        assertThat(at(amount, 6, IndicatorProgress.value("2.39")).light()).isEqualTo(Light.RED);
        Indicator eq = quantitative("覆盖率", "=100%", Operator.EQ, "100", "%");
        assertThat(at(eq, 12, IndicatorProgress.value("100")).light()).isEqualTo(Light.GREEN);
    }

    @Test
    void aRangeIsMeasuredAgainstItsLowerEnd() {
        // 360-400人: ≥360 with upper 400 kept. 6月底: 180 due; 180 → 100.00 green
        Indicator range = new Indicator("产出指标", "数量指标", "培训人数", null, new TargetValue("360-400人",
                Operator.GE, new BigDecimal("360"), new BigDecimal("400"), "人", ValueKind.QUANTITATIVE, null));
        assertThat(at(range, 6, IndicatorProgress.value("180")).ratio()).isEqualByComparingTo("100.00");
    }

    @Test
    void aTargetOfZeroHasNothingDue() {
        Indicator zero = quantitative("新增项目", "≥0 个", Operator.GE, "0", "个");
        IndicatorResult r = at(zero, 6, IndicatorProgress.value("0"));
        assertThat(r.light()).isEqualTo(Light.GREEN);
        assertThat(r.ratio()).isNull();
    }

    @Test
    void qualitativeTiers() {
        Indicator policy = qualitative("政策落实", "严格落实相关政策");
        assertThat(at(policy, 6, IndicatorProgress.tier(Achievement.ACHIEVED)).light()).isEqualTo(Light.GREEN);
        assertThat(at(policy, 6, IndicatorProgress.tier(Achievement.PARTLY_ACHIEVED)).light())
                .isEqualTo(Light.YELLOW);
        IndicatorResult not = at(policy, 6, IndicatorProgress.tier(Achievement.NOT_ACHIEVED));
        assertThat(not.light()).isEqualTo(Light.RED);
        assertThat(not.explanation()).isEqualTo("截至6月底未达成：红灯");
        assertThatThrownBy(() -> at(policy, 6, IndicatorProgress.value("1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deadlineIsRedOnlyWhenPastDueAndNotDone() {
        Indicator by1031 = deadline("完成时间", "≤10 月 31 日", LocalDate.of(2024, 10, 31));
        assertThat(at(by1031, 10, IndicatorProgress.deadline(false)).light()).isEqualTo(Light.GREEN);
        assertThat(at(by1031, 10, IndicatorProgress.deadline(false)).explanation())
                .isEqualTo("截至10月底尚未完成，完成时限 2024-10-31，未到期：绿灯");
        IndicatorResult late = at(by1031, 12, IndicatorProgress.deadline(false));
        assertThat(late.light()).isEqualTo(Light.RED);
        assertThat(late.explanation()).isEqualTo("截至12月底尚未完成，完成时限 2024-10-31，已逾期：红灯");
        assertThat(at(by1031, 12, IndicatorProgress.deadline(true)).light()).isEqualTo(Light.GREEN);
        // 年底前完成当年任务, no date parsed: 31 December of the year, so never past due within the year
        Indicator yearEnd = deadline("完成时间", "年底前完成当年任务", null);
        assertThat(at(yearEnd, 12, IndicatorProgress.deadline(false)).light()).isEqualTo(Light.GREEN);
    }

    @Test
    void projectLightIsTheWorst() {
        Project p = project("1000", 3, "30", 6, "60", 10, "90", 12, "100");
        Milestone june = Milestones.at(p, 6);
        ExecutionResult green = CALC.execution(p, List.of(SpendingReading.of("2024-06-30", "600")), june);
        ExecutionResult yellow = CALC.execution(p, List.of(SpendingReading.of("2024-06-30", "400")), june);
        assertThat(green.light()).isEqualTo(Light.GREEN);
        assertThat(yellow.light()).isEqualTo(Light.YELLOW); // 40/60 = 66.67
        Indicator served = quantitative("服务人次", "≥200 万人次", Operator.GE, "200", "万人次");
        IndicatorResult blue = CALC.indicator(served, IndicatorProgress.value("150"), june);
        IndicatorResult red = CALC.indicator(served, IndicatorProgress.value("10"), june);
        IndicatorResult partly = CALC.indicator(qualitative("政策落实", "有效"),
                IndicatorProgress.tier(Achievement.PARTLY_ACHIEVED), june);
        assertThat(blue.light()).isEqualTo(Light.BLUE);
        assertThat(CALC.projectLight(green, List.of(blue))).isEqualTo(Light.GREEN);
        assertThat(CALC.projectLight(green, List.of())).isEqualTo(Light.GREEN);
        assertThat(CALC.projectLight(green, List.of(blue, partly))).isEqualTo(Light.YELLOW);
        assertThat(CALC.projectLight(yellow, List.of(blue))).isEqualTo(Light.YELLOW);
        assertThat(CALC.projectLight(yellow, List.of(blue, red, partly))).isEqualTo(Light.RED);
    }

    // ---- graded by 优/良/中/差 bands, without a 指标值 (seed 001) ------------------------------------------------

    private static Indicator banded(String excellent, String good, String fair, String poor) {
        Indicator i = new Indicator("产出指标", "质量指标", "社会保险补贴到位率", null, null);
        i.setBands(new org.openperf.targets.GradeBands(excellent, good, fair, poor));
        return i;
    }

    @ParameterizedTest
    @CsvSource({"100, GREEN, 优", "92, GREEN, 良", "85, YELLOW, 中", "79.9, RED, 差"})
    void aBandedIndicatorIsLitByTheBandItsValueFallsIn(String value, Light light, String band) {
        IndicatorResult r = at(banded("100%", "≥90%", "≥80%", "<80%"), 6,
                IndicatorProgress.band(new BigDecimal(value), null));
        assertThat(r.light()).isEqualTo(light);
        assertThat(r.explanation()).contains("“" + band + "”档", light.label());
    }

    @Test
    void aBandInWordsIsMatchedByItsWords() {
        Indicator timely = banded("及时", "延期一周", "延期两周", "延期三周");
        assertThat(at(timely, 6, IndicatorProgress.band(null, "及时")).light()).isEqualTo(Light.GREEN);
        assertThat(at(timely, 6, IndicatorProgress.band(null, "延期 两周")).light()).isEqualTo(Light.YELLOW);
        assertThat(at(timely, 6, IndicatorProgress.band(null, "延期三周")).light()).isEqualTo(Light.RED);
        assertThatThrownBy(() -> at(timely, 6, IndicatorProgress.band(null, "延期一月")))
                .hasMessageContaining("不在任何一档之内");
    }

    @Test
    void theMonitoringTableShowsTheBandsAsTheTarget() {
        assertThat(MonitoringReportIndicator.targetText(banded("100%", "≥90%", "≥80%", "<80%")))
                .isEqualTo("优 100% / 良 ≥90% / 中 ≥80% / 差 <80%");
    }
}
