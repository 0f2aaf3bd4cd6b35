package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openperf.evaluation.IndicatorActual.completedOn;
import static org.openperf.evaluation.IndicatorActual.notCompleted;
import static org.openperf.evaluation.IndicatorActual.number;
import static org.openperf.evaluation.IndicatorActual.tier;
import static org.openperf.evaluation.IndicatorActual.value;
import static org.openperf.evaluation.QualitativeTier.ACHIEVED;
import static org.openperf.evaluation.QualitativeTier.NOT_ACHIEVED;
import static org.openperf.evaluation.QualitativeTier.PARTLY_ACHIEVED;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openperf.evaluation.ScoreNote.Kind;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.TargetValueParser;
import org.openperf.kernel.Severity;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Hand-worked self-evaluations: every expected number below was computed by hand from the rules of DOMAIN.md
 * ("Self-evaluation scoring"), never by the code under test.
 */
class SelfEvaluationScorerTest {

    private static final int YEAR = 2024;

    private final SelfEvaluationScorer scorer = ScoringFiles.scorer();
    private final ScoringSettings defaults = ScoringSettings.defaults();

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Indicator row(String level1, String level2, String name, String value) {
        return new Indicator(level1, level2, name, null, TargetValueParser.parse(value, YEAR));
    }

    private static Indicator weighted(Indicator row, String weight) {
        row.setWeight(new BigDecimal(weight));
        return row;
    }

    private static Fraction f(String value) {
        return Fraction.parse(value);
    }

    /**
     * A table for one rule: row 0 is the indicator under test with weight 10; row 1 (效益, ≥80%, weight 50) and
     * row 2 (满意度, ≥90%, weight 30) are met by {@link #ruleActuals}.
     */
    private static Project ruleTable(Indicator underTest) {
        Project p = new Project(YEAR, "规则测试项目");
        p.setBudget(new BigDecimal("100.00"));
        p.addIndicator(weighted(underTest, "10"));
        p.addIndicator(weighted(row("效益指标", "社会效益指标", "就业率", "≥80%"), "50"));
        p.addIndicator(weighted(row("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"), "30"));
        return p;
    }

    private static Actuals ruleActuals(IndicatorActual underTest) {
        return Actuals.of("100.00", "100.00").put(0, underTest).put(1, value("85%")).put(2, value("95%"));
    }

    private ScoreSheet scoreRule(Indicator underTest, IndicatorActual actual) {
        return scorer.score(ruleTable(underTest), ruleActuals(actual), defaults);
    }

    /** The line of a 产出 indicator with this target and weight 10. */
    private IndicatorScore line(String target, IndicatorActual actual) {
        return scoreRule(row("产出指标", "数量指标", "被测指标", target), actual).indicator(0);
    }

    private static void assertScore(IndicatorScore line, String exact, String shown, ScoringRule rule) {
        assertThat(line.score()).as("exact score").isEqualTo(f(exact));
        assertThat(line.scoreShown().toPlainString()).as("shown score").isEqualTo(shown);
        assertThat(line.rule()).isEqualTo(rule);
    }

    /**
     * 湟源县 公益性岗位社保补贴县配资金 (seed 003, layout E): weights 20+15+15+30+10 = 90, 预算数 4.00.
     * Rows: 0 享受社会保险补贴人数 ≥190人 (20) · 1 社会保险补贴发放准确率 ≥98% (15) · 2 社会保险补贴在规定时间内下达率
     * =100% (15) · 3 公益性岗位人员就业率 ≥95% (30) · 4 享受公益性岗位社保补贴人员满意度 =100% (10).
     */
    private static Project huangyuan() {
        Project p = new Project(YEAR, "630123000 24T000000 269-公益性岗位社保补贴县配资金");
        p.setBudget(new BigDecimal("4.00"));
        p.addIndicator(weighted(row("产出指标", "数量指标", "享受社会保险补贴人数", "≥190人"), "20"));
        p.addIndicator(weighted(row("产出指标", "质量指标", "社会保险补贴发放准确率", "≥98%"), "15"));
        p.addIndicator(weighted(row("产出指标", "时效指标", "社会保险补贴在规定时间内下达率", "=100%"), "15"));
        p.addIndicator(weighted(row("效益指标", "社会效益", "公益性岗位人员就业率", "≥95%"), "30"));
        p.addIndicator(weighted(row("满意度指标", "服务对象满意度", "享受公益性岗位社保补贴人员满意度", "=100%"), "10"));
        return p;
    }

    /** Every Huangyuan target met; 全年执行数 as given (预算 4.00). */
    private static Actuals huangyuanMet(String spent) {
        return Actuals.of(null, spent).put(0, value("200人")).put(1, value("98.5%")).put(2, value("100%"))
                .put(3, value("96%")).put(4, value("100%"));
    }

    // ---- ≥ / > ------------------------------------------------------------------------------------------------

    @Nested
    class AtLeast {

        @Test
        void actualEqualToTargetIsFullWeight() {
            IndicatorScore l = line("≥40人", value("40人"));
            assertScore(l, "10", "10.00", ScoringRule.AT_LEAST_MET);
            assertThat(l.explanation()).isEqualTo("≥ 指标：实际值 40人 ≥ 目标值 40人，得满分 10.00");
            assertThat(l.notes()).isEmpty();
        }

        @Test
        void justBelowTargetIsProportionalAndNeedsAnExplanationEvenWhenItShowsAsFull() {
            // 39.99 ÷ 40 × 10 = 9.9975, shown 10.00, but still a shortfall
            IndicatorScore l = line("≥40人", value("39.99人"));
            assertScore(l, "9.9975", "10.00", ScoringRule.AT_LEAST_SHORT);
            assertThat(l.notes()).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(Kind.MISSING_DEVIATION_EXPLANATION);
                assertThat(n.severity()).isEqualTo(Severity.ERROR);
                assertThat(n.message()).contains("被测指标").contains("偏差原因分析及改进措施");
            });
        }

        @Test
        void shortfallIsActualOverTargetTimesWeight() {
            // 30 ÷ 40 × 10 = 7.5
            IndicatorScore l = line("≥40人", value("30").withExplanation("部分对象年中迁出"));
            assertScore(l, "7.5", "7.50", ScoringRule.AT_LEAST_SHORT);
            assertThat(l.explanation()).isEqualTo("≥ 指标：实际值 30人 < 目标值 40人，得分 = 30 ÷ 40 × 10.00 = 7.50");
            assertThat(l.notes()).isEmpty();
        }

        @Test
        void percentTargetsReadPercentActuals() {
            // 93 ÷ 95 × 10 = 930/95 = 9.789473…, shown 9.79
            IndicatorScore l = line("≥95%", value("93%"));
            assertScore(l, "186/19", "9.79", ScoringRule.AT_LEAST_SHORT);
        }

        @Test
        void overAchievementIsCappedAtFullWeight() {
            IndicatorScore l = line("≥40人", number("45"));
            assertScore(l, "10", "10.00", ScoringRule.AT_LEAST_MET);
            assertThat(l.notes()).isEmpty();
        }

        @Test
        void exactly120PercentNeedsNoExplanation() {
            assertThat(line("≥40人", number("48")).notes()).isEmpty();
        }

        @Test
        void above120PercentIsAWarningUntilExplained() {
            IndicatorScore l = line("≥40人", number("48.01"));
            assertScore(l, "10", "10.00", ScoringRule.AT_LEAST_MET);
            assertThat(l.notes()).singleElement().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(Kind.OVER_ACHIEVEMENT_EXPLANATION);
                assertThat(n.severity()).isEqualTo(Severity.WARNING);
                assertThat(n.message()).isEqualTo(
                        "“被测指标”实际值 48.01人 超过目标值 40人 的 120%，须在偏差原因分析及改进措施中说明超额完成的原因");
            });
            assertThat(line("≥40人", number("48.01").withExplanation("政策覆盖面扩大")).notes()).isEmpty();
        }

        @Test
        void strictGreaterThanIsMetByTheTargetItself() {
            assertScore(line(">2次", number("2")), "10", "10.00", ScoringRule.AT_LEAST_MET);
            assertScore(line(">2次", number("1")), "5", "5.00", ScoringRule.AT_LEAST_SHORT);
        }

        @Test
        void actualInAnotherUnitIsRefused() {
            assertThatThrownBy(() -> line("≥190人", value("190万人")))
                    .isInstanceOf(ScoringException.class).hasMessageContaining("单位");
        }

        @Test
        void actualThatIsNoNumberIsRefused() {
            assertThatThrownBy(() -> line("≥190人", value("基本完成")))
                    .isInstanceOf(ScoringException.class).hasMessageContaining("基本完成").hasMessageContaining("不是数值");
        }
    }

    // ---- ≤ / < ------------------------------------------------------------------------------------------------

    @Nested
    class AtMost {

        @Test
        void actualEqualToTargetIsFullWeight() {
            assertScore(line("≤800元/人", number("800")), "10", "10.00", ScoringRule.AT_MOST_MET);
            assertScore(line("≤800元/人", number("650")), "10", "10.00", ScoringRule.AT_MOST_MET);
        }

        @Test
        void justAboveTarget() {
            // (1 − 0.01 ÷ 800) × 10 = 10 − 0.000125 = 9.999875
            assertScore(line("≤800元/人", number("800.01")), "9.999875", "10.00", ScoringRule.AT_MOST_OVER);
        }

        @Test
        void oneAndAHalfTimesTargetIsHalfWeight() {
            // (1 − (1200 − 800) ÷ 800) × 10 = 5
            IndicatorScore l = line("≤800元/人", number("1200"));
            assertScore(l, "5", "5.00", ScoringRule.AT_MOST_OVER);
            assertThat(l.explanation())
                    .isEqualTo("≤ 指标：实际值 1200元/人 超过目标值 800元/人 但不到其 2 倍，得分 = (1 − (1200 − 800) ÷ 800) × 10.00 = 5.00");
        }

        @Test
        void justBelowTwiceTheTarget() {
            // (1 − 799.99 ÷ 800) × 10 = 0.01 ÷ 80 = 0.000125
            assertScore(line("≤800元/人", number("1599.99")), "0.000125", "0.00", ScoringRule.AT_MOST_OVER);
        }

        @Test
        void twiceTheTargetOrMoreIsZero() {
            assertScore(line("≤800元/人", number("1600")), "0", "0.00", ScoringRule.AT_MOST_DOUBLE);
            assertScore(line("≤800元/人", number("5000")), "0", "0.00", ScoringRule.AT_MOST_DOUBLE);
        }

        @Test
        void strictLessThanIsMetByTheTargetItself() {
            assertScore(line("<24小时", number("24")), "10", "10.00", ScoringRule.AT_MOST_MET);
        }

        @Test
        void targetZero() {
            assertScore(line("≤0次", number("0")), "10", "10.00", ScoringRule.AT_MOST_ZERO_TARGET);
            assertScore(line("≤0次", number("1")), "0", "0.00", ScoringRule.AT_MOST_ZERO_TARGET);
        }
    }

    // ---- = ----------------------------------------------------------------------------------------------------

    @Nested
    class Equal {

        @Test
        void hundredPercentMet() {
            IndicatorScore l = line("=100%", value("100%"));
            assertScore(l, "10", "10.00", ScoringRule.EQUAL_MET);
            assertThat(l.explanation()).isEqualTo("= 指标：实际值 100% 等于目标值 100%，得满分 10.00");
        }

        @Test
        void hundredPercentMissedIsScoredAsAtLeast() {
            // 99 ÷ 100 × 10 = 9.9
            IndicatorScore l = line("=100%", value("99%"));
            assertScore(l, "9.9", "9.90", ScoringRule.EQUAL_AS_AT_LEAST);
            assertThat(l.explanation()).startsWith("= 指标：实际值 99% ≠ 目标值 100%，按 ≥ 规则：");
        }

        @Test
        void equalityIsToThePrecisionTheTargetIsWrittenWith() {
            // =100%: 99.5 rounds half-up to 100 → equal; 99.4 rounds to 99 → 99.4 ÷ 100 × 10 = 9.94
            assertScore(line("=100%", number("99.5")), "10", "10.00", ScoringRule.EQUAL_MET);
            assertScore(line("=100%", number("99.4")), "9.94", "9.94", ScoringRule.EQUAL_AS_AT_LEAST);
            // =958.74 平方米: two decimals; 958.735 rounds to 958.74
            assertScore(line("=958.74平方米", number("958.735")), "10", "10.00", ScoringRule.EQUAL_MET);
            // 958.7 ÷ 958.74 × 10 = 9587/958.74 = 9.99958…
            assertScore(line("=958.74平方米", number("958.7")), "958700/95874", "10.00", ScoringRule.EQUAL_AS_AT_LEAST);
        }

        @Test
        void valueWithoutOperatorMeansEqual() {
            assertScore(line("8万元", number("8")), "10", "10.00", ScoringRule.EQUAL_MET);
        }

        @Test
        void aboveAnEqualTargetIsFullAndAbove120PercentNeedsAnExplanation() {
            // =448人: 500 ÷ 448 = 111.6% → full, no note; 540 ÷ 448 = 120.5% → full with the note
            IndicatorScore within = line("=448人", number("500"));
            assertScore(within, "10", "10.00", ScoringRule.EQUAL_AS_AT_LEAST);
            assertThat(within.notes()).isEmpty();
            IndicatorScore over = line("=448人", number("540"));
            assertScore(over, "10", "10.00", ScoringRule.EQUAL_AS_AT_LEAST);
            assertThat(over.notes()).extracting(ScoreNote::kind).containsExactly(Kind.OVER_ACHIEVEMENT_EXPLANATION);
        }

        @Test
        void targetZeroGivesZeroForAnyOtherValue() {
            assertScore(line("=0次", number("0")), "10", "10.00", ScoringRule.EQUAL_MET);
            assertScore(line("=0次", number("1")), "0", "0.00", ScoringRule.EQUAL_ZERO_TARGET);
            assertScore(line("=0次", number("0.4")), "10", "10.00", ScoringRule.EQUAL_MET);
        }
    }

    // ---- deadlines --------------------------------------------------------------------------------------------

    @Nested
    class Deadlines {

        private IndicatorScore deadline(IndicatorActual actual) {
            return scoreRule(row("产出指标", "时效指标", "资金下达时间", "≤10月31日"), actual).indicator(0);
        }

        @Test
        void doneOnTheDayIsFullWeight() {
            IndicatorScore l = deadline(completedOn(LocalDate.of(YEAR, 10, 31)));
            assertScore(l, "10", "10.00", ScoringRule.DEADLINE_MET);
            assertThat(l.explanation()).contains("2024-10-31").contains("得满分 10.00");
        }

        @Test
        void doneAsWrittenInTextIsRead() {
            assertScore(deadline(value("2024年10月20日")), "10", "10.00", ScoringRule.DEADLINE_MET);
        }

        @Test
        void aDayLateIsZero() {
            IndicatorScore l = deadline(completedOn(LocalDate.of(YEAR, 11, 1)));
            assertScore(l, "0", "0.00", ScoringRule.DEADLINE_MISSED);
            assertThat(l.notes()).extracting(ScoreNote::kind).containsExactly(Kind.MISSING_DEVIATION_EXPLANATION);
        }

        @Test
        void notDoneIsZero() {
            assertScore(deadline(notCompleted()), "0", "0.00", ScoringRule.DEADLINE_MISSED);
        }

        @Test
        void aTierSetByTheReviewerScoresAMissedDeadline() {
            IndicatorScore l = deadline(completedOn(LocalDate.of(YEAR, 11, 5))
                    .withTier(PARTLY_ACHIEVED, new BigDecimal("7")));
            assertScore(l, "7", "7.00", ScoringRule.DEADLINE_TIER);
            assertThat(l.explanation()).contains("晚于期限").contains("部分达成");
        }
    }

    // ---- qualitative ------------------------------------------------------------------------------------------

    @Nested
    class Qualitative {

        private IndicatorScore qualitative(QualitativeTier tier, String score) {
            return scoreRule(row("效益指标", "可持续影响指标", "长效机制", "严格落实相关政策"), tier(tier, score))
                    .indicator(0);
        }

        @ParameterizedTest(name = "{0} {1} of weight 10 accepted")
        @CsvSource({
                "ACHIEVED, 10", "ACHIEVED, 8",
                "PARTLY_ACHIEVED, 7.999", "PARTLY_ACHIEVED, 6",
                "NOT_ACHIEVED, 5.999", "NOT_ACHIEVED, 0"})
        void scoreInsideItsTierIsTaken(QualitativeTier tier, String score) {
            assertScore(qualitative(tier, score), score, new BigDecimal(score).setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString(), ScoringRule.QUALITATIVE_TIER);
        }

        @ParameterizedTest(name = "{0} {1} of weight 10 refused")
        @CsvSource({
                "ACHIEVED, 10.01", "ACHIEVED, 7.999",
                "PARTLY_ACHIEVED, 8", "PARTLY_ACHIEVED, 5.999",
                "NOT_ACHIEVED, 6", "NOT_ACHIEVED, -0.01"})
        void scoreOutsideItsTierIsRefused(QualitativeTier tier, String score) {
            assertThatThrownBy(() -> qualitative(tier, score)).isInstanceOf(ScoringException.class)
                    .hasMessageContaining("长效机制").hasMessageContaining(tier.label()).hasMessageContaining(score);
        }

        @Test
        void refusalSaysTheTierBounds() {
            assertThatThrownBy(() -> qualitative(ACHIEVED, "7.999")).hasMessage(
                    "“长效机制”评定为达成，得分须在分值 10.00 的 [80%, 100%] 之内，即 8（含）至 10（含）；给出的 7.999 不在此区间");
        }

        @Test
        void explanationNamesTheTier() {
            IndicatorScore l = qualitative(ACHIEVED, "9");
            assertThat(l.explanation()).isEqualTo("定性指标：评定为达成（分值 10.00 的 [80%, 100%]），得分 9.00");
            assertThat(l.notes()).extracting(ScoreNote::kind).containsExactly(Kind.MISSING_DEVIATION_EXPLANATION);
        }

        @Test
        void withoutATierItIsRefused() {
            assertThatThrownBy(() -> scoreRule(row("效益指标", "可持续影响指标", "长效机制", "有效"), value("有效")))
                    .isInstanceOf(ScoringException.class).hasMessageContaining("达成");
        }
    }

    // ---- bands ------------------------------------------------------------------------------------------------

    @Nested
    class Bands {

        private IndicatorScore banded(String target, GradeBands bands, IndicatorActual actual) {
            Indicator r = row("产出指标", "质量指标", "社会保险补贴到位率", target);
            r.setBands(bands);
            return scoreRule(r, actual).indicator(0);
        }

        @ParameterizedTest(name = "到位率 {0}% → {1}")
        @CsvSource({"100, 10", "95, 8", "90, 8", "89.99, 6", "80, 6", "79.99, 0"})
        void rateBands(String actual, String score) {
            IndicatorScore l = banded("100%", new GradeBands("100%", "≥90%", "≥80%", "<80%"), value(actual + "%"));
            assertScore(l, score, new BigDecimal(score).setScale(2).toPlainString(), ScoringRule.BANDS);
        }

        @Test
        void bandsWinOverTheRules() {
            // by the = rule 95 ÷ 100 × 10 = 9.5; by the bands 95 is 良: 10 × 80% = 8
            IndicatorScore l = banded("100%", new GradeBands("100%", "≥90%", "≥80%", "<80%"), value("95%"));
            assertScore(l, "8", "8.00", ScoringRule.BANDS);
            assertThat(l.explanation()).isEqualTo("等级指标：实际完成 95% 属于“良”档（≥90%），得分 = 10.00 × 80% = 8.00");
        }

        @ParameterizedTest(name = "新增就业 {0} → {1}")
        @CsvSource({"520, 10", "500, 10", "499, 8", "480, 8", "479, 6", "460, 6", "459, 0"})
        void numberBands(String actual, String score) {
            IndicatorScore l = banded("≥500人", new GradeBands("≥500", "≥480", "≥460", "<460"), number(actual));
            assertScore(l, score, new BigDecimal(score).setScale(2).toPlainString(), ScoringRule.BANDS);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({"及时, 10", "延期一周, 8", "延期两周, 6", "延期三周, 0", "' 延期 一周 ', 8"})
        void textBandsMatchTheText(String actual, String score) {
            IndicatorScore l = banded("及时", new GradeBands("及时", "延期一周", "延期两周", "延期三周"), value(actual));
            assertScore(l, score, new BigDecimal(score).setScale(2).toPlainString(), ScoringRule.BANDS);
        }

        @Test
        void textOutsideTheBandsIsRefused() {
            assertThatThrownBy(() -> banded("及时", new GradeBands("及时", "延期一周", "延期两周", "延期三周"),
                    value("延期五周"))).isInstanceOf(ScoringException.class)
                    .hasMessageContaining("延期五周").hasMessageContaining("优 及时 / 良 延期一周 / 中 延期两周 / 差 延期三周");
        }

        @Test
        void bandPercentagesAreSettings() {
            ScoringSettings s = new ScoringSettings(null, null, null, new BigDecimal("100"), new BigDecimal("90"),
                    new BigDecimal("70"), new BigDecimal("20"));
            Indicator r = row("产出指标", "质量指标", "社会保险补贴到位率", "100%");
            r.setBands(new GradeBands("100%", "≥90%", "≥80%", "<80%"));
            // 85% is 中: 10 × 70% = 7; 50% is 差: 10 × 20% = 2
            assertThat(scorer.score(ruleTable(r), ruleActuals(value("85%")), s).indicator(0).score()).isEqualTo(f("7"));
            assertThat(scorer.score(ruleTable(r), ruleActuals(value("50%")), s).indicator(0).score()).isEqualTo(f("2"));
        }
    }

    // ---- weights ----------------------------------------------------------------------------------------------

    @Nested
    class Weights {

        /** Seven 产出 (0–6), one 效益 (7), one 满意度 (8), no weights. */
        private Project sevenOutputs() {
            Project p = new Project(YEAR, "默认权重项目");
            p.setBudget(new BigDecimal("100"));
            p.addIndicator(row("产出指标", "数量指标", "培训人数", "≥40"));
            for (int i = 1; i < 7; i++) {
                p.addIndicator(row("产出指标", "数量指标", "产出" + i, "≥10人"));
            }
            p.addIndicator(row("效益指标", "社会效益指标", "就业率", "≥80%"));
            p.addIndicator(row("满意度指标", "服务对象满意度指标", "满意度", "≥90%"));
            return p;
        }

        private Actuals sevenOutputsMet() {
            Actuals a = Actuals.of(null, "100").put(0, value("45"));
            for (int i = 1; i < 7; i++) {
                a.put(i, value("10人"));
            }
            return a.put(7, value("80%")).put(8, value("90%"));
        }

        @Test
        void sevenOutputIndicatorsShareFiftyExactlyAndAllMetScoresExactlyHundred() {
            ScoreSheet sheet = scorer.score(sevenOutputs(), sevenOutputsMet(), defaults);
            Fraction outputs = Fraction.ZERO;
            for (int i = 0; i < 7; i++) {
                IndicatorScore l = sheet.indicator(i);
                assertThat(l.weight()).isEqualTo(f("50/7"));
                assertThat(l.weightShown().toPlainString()).isEqualTo("7.14");
                assertThat(l.scoreShown().toPlainString()).isEqualTo("7.14");
                outputs = outputs.add(l.weight());
            }
            assertThat(outputs).isEqualTo(f("50"));
            assertThat(sheet.indicator(7).weight()).isEqualTo(f("30"));
            assertThat(sheet.indicator(8).weight()).isEqualTo(f("10"));
            // 7 × 7.14 shown = 49.98, but the total is summed unrounded: exactly 100
            assertThat(sheet.total()).isEqualTo(f("100"));
            assertThat(sheet.totalUnrounded()).isEqualByComparingTo("100");
            assertThat(sheet.totalShown().toPlainString()).isEqualTo("100.00");
            assertThat(sheet.grade()).isEqualTo(Grade.EXCELLENT);
            assertThat(sheet.notes()).isEmpty();
            assertThat(sheet.indicator(0).explanation()).isEqualTo("≥ 指标：实际值 45 ≥ 目标值 40，得满分 7.14（超额部分不加分）");
            assertThat(sheet.weightBasis()).contains("产出指标（含成本指标） 50 分由 7 个指标均分");
        }

        @Test
        void costIndicatorsShareTheOutputPart() {
            Project p = new Project(YEAR, "成本项目");
            p.setBudget(new BigDecimal("100"));
            p.addIndicator(row("产出指标", "数量指标", "培训人数", "≥200人"));
            p.addIndicator(row("产出指标", "质量指标", "合格率", "≥90%"));
            p.addIndicator(row("产出指标", "时效指标", "完成时间", "≤10月31日"));
            p.addIndicator(row("成本指标", "经济成本", "人均成本", "≤800元/人"));
            p.addIndicator(row("产出指标", "成本指标", "培训总成本", "≤16万元")); // older framework: 成本 under 产出
            p.addIndicator(row("效益指标", "社会效益", "就业率", "≥80%"));
            p.addIndicator(row("满意度指标", "服务对象满意度", "满意度", "≥90%"));
            Actuals a = Actuals.of(null, "100").put(0, number("200")).put(1, number("90"))
                    .put(2, completedOn(LocalDate.of(YEAR, 10, 1))).put(3, number("800")).put(4, number("16"))
                    .put(5, number("80")).put(6, number("90"));
            ScoreSheet sheet = scorer.score(p, a, defaults);
            for (int i = 0; i < 5; i++) {
                assertThat(sheet.indicator(i).weight()).as("row %d", i).isEqualTo(f("10"));
            }
            assertThat(sheet.indicator(5).weight()).isEqualTo(f("30"));
            assertThat(sheet.indicator(6).weight()).isEqualTo(f("10"));
            assertThat(sheet.totalShown().toPlainString()).isEqualTo("100.00");
        }

        @Test
        void missingSatisfactionGivesItsTenToBenefit() {
            Project p = new Project(YEAR, "无满意度项目");
            p.setBudget(new BigDecimal("100"));
            p.addIndicator(row("产出指标", "数量指标", "培训人数", "≥200人"));
            p.addIndicator(row("产出指标", "质量指标", "合格率", "≥90%"));
            p.addIndicator(row("效益指标", "社会效益", "就业率", "≥80%"));
            ScoreSheet sheet = scorer.score(p, Actuals.of(null, "100").put(0, number("200")).put(1, number("90"))
                    .put(2, number("80")), defaults);
            assertThat(sheet.indicator(0).weight()).isEqualTo(f("25"));
            assertThat(sheet.indicator(1).weight()).isEqualTo(f("25"));
            assertThat(sheet.indicator(2).weight()).isEqualTo(f("40"));
            assertThat(sheet.total()).isEqualTo(f("100"));
            assertThat(sheet.weightBasis()).contains("满意度指标缺失，其 10 分并入效益指标");
        }

        @Test
        void missingBenefitGivesItsShareToOutput() {
            Project p = new Project(YEAR, "无效益项目");
            p.setBudget(new BigDecimal("100"));
            p.addIndicator(row("产出指标", "数量指标", "培训人数", "≥200人"));
            p.addIndicator(row("满意度指标", "服务对象满意度", "满意度", "≥90%"));
            ScoreSheet sheet = scorer.score(p, Actuals.of(null, "100").put(0, number("200")).put(1, number("90")),
                    defaults);
            assertThat(sheet.indicator(0).weight()).isEqualTo(f("80"));
            assertThat(sheet.indicator(1).weight()).isEqualTo(f("10"));
        }

        @Test
        void missingBenefitAndSatisfactionLeaveAllNinetyToOutput() {
            Project p = new Project(YEAR, "只有产出");
            p.setBudget(new BigDecimal("100"));
            for (int i = 0; i < 3; i++) {
                p.addIndicator(row("产出指标", "数量指标", "产出" + i, "≥10人"));
            }
            ScoreSheet sheet = scorer.score(p, Actuals.of(null, "100").put(0, number("10")).put(1, number("10"))
                    .put(2, number("10")), defaults);
            assertThat(sheet.indicators()).extracting(IndicatorScore::weight).containsOnly(f("30"));
            assertThat(sheet.weightBasis()).contains("满意度指标缺失，其 10 分并入效益指标")
                    .contains("效益指标缺失，其 40 分并入产出指标");
            assertThat(sheet.total()).isEqualTo(f("100"));
        }

        @Test
        void withoutOutputTheDefaultSplitIsRefused() {
            Project p = new Project(YEAR, "无产出");
            p.setBudget(new BigDecimal("100"));
            p.addIndicator(row("效益指标", "社会效益", "就业率", "≥80%"));
            assertThatThrownBy(() -> scorer.score(p, Actuals.of(null, "100").put(0, number("80")), defaults))
                    .isInstanceOf(ScoringException.class).hasMessageContaining("产出指标");
        }

        @Test
        void tableWeightsMustSumToNinety() {
            Project p = huangyuan();
            p.getIndicators().get(3).setWeight(new BigDecimal("25"));
            assertThatThrownBy(() -> scorer.score(p, huangyuanMet("4"), defaults))
                    .isInstanceOf(ScoringException.class).hasMessageContaining("合计 85").hasMessageContaining("须为 90");
        }

        @Test
        void aPartlyWeightedTableIsRefused() {
            Project p = huangyuan();
            p.getIndicators().get(1).setWeight(null);
            assertThatThrownBy(() -> scorer.score(p, huangyuanMet("4"), defaults))
                    .isInstanceOf(ScoringException.class).hasMessageContaining("社会保险补贴发放准确率");
        }
    }

    // ---- the Huangyuan table (seed 003) -----------------------------------------------------------------------

    @Nested
    class Huangyuan {

        @Test
        void tableWeightsAllMetSumToHundred() {
            ScoreSheet sheet = scorer.score(huangyuan(), huangyuanMet("4.00"), defaults);
            assertThat(sheet.indicators()).extracting(l -> l.weightShown().toPlainString())
                    .containsExactly("20.00", "15.00", "15.00", "30.00", "10.00");
            assertThat(sheet.budgetExecution().scoreShown().toPlainString()).isEqualTo("10.00");
            assertThat(sheet.total()).isEqualTo(f("100"));
            assertThat(sheet.totalShown().toPlainString()).isEqualTo("100.00");
            assertThat(sheet.grade()).isEqualTo(Grade.EXCELLENT);
            assertThat(sheet.weightBasis()).startsWith("分值权重取自批复的目标表");
        }

        @Test
        void handWorkedShortfalls() {
            // 人数 171 of ≥190: 171 ÷ 190 × 20 = 18; 就业率 76% of ≥95%: 76 ÷ 95 × 30 = 24;
            // 执行 3.60 of 4.00 = 90% → 9. Total 18 + 15 + 15 + 24 + 10 + 9 = 91 → 优
            Actuals a = huangyuanMet("3.60").put(0, value("171人").withExplanation("部分人员退出公益性岗位"))
                    .put(3, value("76%"));
            ScoreSheet sheet = scorer.score(huangyuan(), a, defaults);
            assertThat(sheet.indicator(0).score()).isEqualTo(f("18"));
            assertThat(sheet.indicator(3).score()).isEqualTo(f("24"));
            assertThat(sheet.budgetExecution().rateShown().toPlainString()).isEqualTo("90.00");
            assertThat(sheet.budgetExecution().score()).isEqualTo(f("9"));
            assertThat(sheet.totalShown().toPlainString()).isEqualTo("91.00");
            assertThat(sheet.grade()).isEqualTo(Grade.EXCELLENT);
            // only the unexplained shortfall is noted
            assertThat(sheet.notes()).singleElement().satisfies(n -> {
                assertThat(n.indicatorIndex()).isEqualTo(3);
                assertThat(n.indicatorName()).isEqualTo("公益性岗位人员就业率");
                assertThat(n.kind()).isEqualTo(Kind.MISSING_DEVIATION_EXPLANATION);
            });
        }

        @Test
        void unroundedTotalOf89point995ShowsAs90AndIsExcellent() {
            // 就业率 63.3175% of ≥95%: 63.3175 ÷ 95 × 30 = 19.995 (shown 20.00);
            // total 20 + 15 + 15 + 19.995 + 10 + 10 = 89.995 → 90.00 → 优
            ScoreSheet sheet = scorer.score(huangyuan(), huangyuanMet("4").put(3, value("63.3175%")), defaults);
            assertThat(sheet.indicator(3).score()).isEqualTo(f("19.995"));
            assertThat(sheet.indicator(3).scoreShown().toPlainString()).isEqualTo("20.00");
            assertThat(sheet.total()).isEqualTo(f("89.995"));
            assertThat(sheet.totalUnrounded()).isEqualByComparingTo("89.995");
            assertThat(sheet.totalShown().toPlainString()).isEqualTo("90.00");
            assertThat(sheet.grade()).isEqualTo(Grade.EXCELLENT);
        }

        @Test
        void totalIsRoundedOnceFromUnroundedScores() {
            // 人数 189.905 of ≥190: × 20 ÷ 190 = 19.99 (exact); 就业率 94.9525%: × 30 ÷ 95 = 29.985 (shown 29.99);
            // 执行 3.9998 of 4 → 9.9995 (shown 10.00). Total 19.99 + 15 + 15 + 29.985 + 10 + 9.9995 = 99.9745
            // → 99.97; the sum of the shown scores would be 100.00 − 0.01 + 0.00 = 99.98
            ScoreSheet sheet = scorer.score(huangyuan(), huangyuanMet("3.9998").put(0, number("189.905"))
                    .put(3, value("94.9525%")), defaults);
            assertThat(sheet.indicator(3).scoreShown().toPlainString()).isEqualTo("29.99");
            assertThat(sheet.budgetExecution().scoreShown().toPlainString()).isEqualTo("10.00");
            assertThat(sheet.total()).isEqualTo(f("99.9745"));
            assertThat(sheet.totalShown().toPlainString()).isEqualTo("99.97");
        }
    }

    // ---- grades -----------------------------------------------------------------------------------------------

    @Nested
    class Grades {

        /**
         * Huangyuan with 人数 (≥190, weight 20) and 就业率 (≥95%, weight 30) as given, the rest met, and 执行 of a
         * 全年预算数 of 100 as given: the total is the indicators plus 执行 ÷ 10.
         */
        private ScoreSheet huangyuanTotal(String headcount, String employment, String spent, ScoringRules rules) {
            Actuals a = new Actuals(new BigDecimal("100"), new BigDecimal(spent)).put(0, number(headcount))
                    .put(1, value("98.5%")).put(2, value("100%")).put(3, number(employment)).put(4, value("100%"));
            return scorer.score(huangyuan(), a, defaults, rules);
        }

        @ParameterizedTest(name = "{0} → {4}")
        @CsvSource({
                // total, 人数, 就业率, 执行, grade
                "90.00, 200, 96, 0,    EXCELLENT", // 90 + 0
                "89.99, 95,  96, 99.9, GOOD",      // 20 × 95/190 = 10: 80 + 9.99
                "80.00, 95,  96, 0,    GOOD",      // 80 + 0
                "79.99, 0,   96, 99.9, FAIR",      // 70 + 9.99
                "60.00, 200, 0,  0,    FAIR",      // 60 + 0
                "59.99, 95,  0,  99.9, POOR"})     // 50 + 9.99
        void gradeEdgesThroughTheScorer(String total, String headcount, String employment, String spent,
                                        Grade grade) {
            ScoreSheet sheet = huangyuanTotal(headcount, employment, spent, ScoringFiles.rules());
            assertThat(sheet.totalShown().toPlainString()).isEqualTo(total);
            assertThat(sheet.grade()).isEqualTo(grade);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({"100, EXCELLENT", "90.00, EXCELLENT", "89.99, GOOD", "80.00, GOOD", "79.99, FAIR",
                "60.00, FAIR", "59.99, POOR", "0, POOR"})
        void defaultGradeLines(String total, Grade grade) {
            assertThat(ScoringFiles.rules().grade(new BigDecimal(total))).isEqualTo(grade);
        }

        @ParameterizedTest(name = "grade.dmn with 80/70/60: {0} → {1}")
        @CsvSource({"80.00, EXCELLENT", "79.99, GOOD", "70.00, GOOD", "69.99, FAIR", "60.00, FAIR", "59.99, POOR"})
        void provinceGradeLines(String total, Grade grade) {
            assertThat(ScoringFiles.withGrades(80, 70, 60).grade(new BigDecimal(total))).isEqualTo(grade);
        }

        @Test
        void provinceGradeLinesReachTheSheet() {
            ScoreSheet sheet = huangyuanTotal("95", "96", "0", ScoringFiles.withGrades(80, 70, 60));
            assertThat(sheet.totalShown().toPlainString()).isEqualTo("80.00");
            assertThat(sheet.grade()).isEqualTo(Grade.EXCELLENT);
        }
    }

    // ---- 预算执行率 -------------------------------------------------------------------------------------------

    @Nested
    class BudgetExecution {

        @Test
        void rateAboveHundredPercentIsCappedAtTen() {
            ScoreSheet sheet = scorer.score(huangyuan(), huangyuanMet("4.40"), defaults);
            BudgetExecutionScore b = sheet.budgetExecution();
            assertThat(b.rate()).isEqualTo(f("1.1"));
            assertThat(b.rateShown().toPlainString()).isEqualTo("110.00");
            assertThat(b.score()).isEqualTo(f("10"));
            assertThat(b.explanation()).contains("超过 100% 按 100% 计");
            assertThat(sheet.totalShown().toPlainString()).isEqualTo("100.00");
        }

        @Test
        void rateBelowHundredPercentIsProportional() {
            // 3.82 ÷ 4.00 = 95.5% → 9.55
            BudgetExecutionScore b = scorer.score(huangyuan(), huangyuanMet("3.82"), defaults).budgetExecution();
            assertThat(b.score()).isEqualTo(f("9.55"));
            assertThat(b.explanation())
                    .isEqualTo("预算执行率 = 全年执行数 3.82 ÷ 全年预算数 4 = 95.50%，得分 = 95.50% × 10 = 9.55");
        }

        @Test
        void theYearBudgetMayDifferFromTheTable() {
            // 全年预算数 5.00 after adjustment, 执行 4.00 → 80% → 8
            Actuals a = huangyuanMet("4.00");
            Actuals adjusted = new Actuals(new BigDecimal("5.00"), new BigDecimal("4.00"));
            for (int i = 0; i < 5; i++) {
                adjusted.put(i, a.of(i, null));
            }
            BudgetExecutionScore b = scorer.score(huangyuan(), adjusted, defaults).budgetExecution();
            assertThat(b.budget()).isEqualByComparingTo("5.00");
            assertThat(b.score()).isEqualTo(f("8"));
        }

        @Test
        void weightIsASetting() {
            ScoringSettings s = new ScoringSettings(new BigDecimal("20"), new BigDecimal("80"), null, null, null, null,
                    null);
            Project p = huangyuan();
            p.getIndicators().get(3).setWeight(new BigDecimal("20"));
            // 执行 2 of 4 = 50% of 20 = 10; indicators 80 → 90
            ScoreSheet sheet = scorer.score(p, huangyuanMet("2"), s);
            assertThat(sheet.budgetExecution().score()).isEqualTo(f("10"));
            assertThat(sheet.totalShown().toPlainString()).isEqualTo("90.00");
        }
    }

    // ---- actuals ----------------------------------------------------------------------------------------------

    @Test
    void anIndicatorWithoutActualScoresZeroWithAnError() {
        Actuals a = Actuals.of(null, "4").put(0, value("200人")).put(1, value("98.5%")).put(2, value("100%"))
                .put(4, value("100%"));
        ScoreSheet sheet = scorer.score(huangyuan(), a, defaults);
        assertThat(sheet.indicator(3).rule()).isEqualTo(ScoringRule.NO_ACTUAL);
        assertThat(sheet.indicator(3).score()).isEqualTo(Fraction.ZERO);
        assertThat(sheet.notes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Kind.MISSING_ACTUAL);
            assertThat(n.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(sheet.totalShown().toPlainString()).isEqualTo("70.00");
    }

    @Test
    void actualsAreFoundByIndicatorIdToo() {
        Project p = huangyuan();
        ReflectionTestUtils.setField(p.getIndicators().get(3), "id", 7003L);
        Actuals a = Actuals.of(null, "4").put(0, value("200人")).put(1, value("98.5%")).put(2, value("100%"))
                .putById(7003L, value("76%")).put(4, value("100%"));
        ScoreSheet sheet = scorer.score(p, a, defaults);
        assertThat(sheet.indicator(3).id()).isEqualTo(7003L);
        assertThat(sheet.indicator(3).score()).isEqualTo(f("24"));
    }
}
