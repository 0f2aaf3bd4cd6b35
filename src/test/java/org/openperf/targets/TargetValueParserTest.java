package org.openperf.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetValueParserTest {

    private static final int YEAR = 2024;

    private static TargetValue parse(String text) {
        return TargetValueParser.parse(text, YEAR);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Golden file: every distinct 指标值 of the Qingdao and Tianjin tables and the seed texts, each line reviewed.

    private static final String GOLDEN = "/values/target-values.tsv";

    /** One line of the golden file: text, operator, number, upper, unit, kind, deadline (fiscal year 2024). */
    record Golden(int line, String text, String operator, String number, String upper, String unit, String kind,
                  String deadline) {
        @Override
        public String toString() {
            return line + ": " + text;
        }
    }

    static List<Golden> golden() throws IOException {
        List<Golden> rows = new ArrayList<>();
        try (InputStream in = TargetValueParserTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertThat(header).isEqualTo("text\toperator\tnumber\tupper\tunit\tkind\tdeadline");
            String line;
            int n = 1;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                assertThat(f).as("line %d has 7 columns: %s", n, line).hasSize(7);
                rows.add(new Golden(n, f[0], f[1], f[2], f[3], f[4], f[5], f[6]));
            }
        }
        return rows;
    }

    static Stream<Golden> goldenRows() throws IOException {
        return golden().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenRows")
    void readsEveryValueOfTheRealTables(Golden row) {
        TargetValue v = parse(row.text());

        assertThat(v).isNotNull();
        assertThat(v.getText()).isEqualTo(row.text());
        assertThat(v.getKind()).as("kind").isEqualTo(ValueKind.valueOf(row.kind()));
        assertThat(v.getOperator() == null ? "" : v.getOperator().symbol()).as("operator").isEqualTo(row.operator());
        assertNumber(v.getNumber(), row.number(), "number");
        assertNumber(v.getUpperNumber(), row.upper(), "upper");
        assertThat(v.getUnit() == null ? "" : v.getUnit()).as("unit").isEqualTo(row.unit());
        assertThat(v.getDeadline() == null ? "" : v.getDeadline().toString()).as("deadline").isEqualTo(row.deadline());
    }

    @Test
    void goldenFileCoversTheRealTablesAndNoLineThrows() throws IOException {
        List<Golden> rows = golden();
        assertThat(rows).hasSizeGreaterThan(200);
        assertThat(rows.stream().map(Golden::text).distinct().count()).as("distinct").isEqualTo(rows.size());
        for (Golden row : rows) {
            assertThatCode(() -> parse(row.text())).as(row.toString()).doesNotThrowAnyException();
        }
        // every kind occurs, so the file exercises every branch a table uses
        assertThat(rows).extracting(Golden::kind).contains("QUANTITATIVE", "DEADLINE", "QUALITATIVE");
    }

    private static void assertNumber(BigDecimal actual, String expected, String what) {
        if (expected.isEmpty()) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isEqualByComparingTo(expected);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // DOMAIN.md "Values seen in real tables", one by one.

    @Nested
    class Quantities {

        @Test
        void percentWithAndWithoutSpaces() {
            assertQuantity("≥93%", Operator.GE, "93", "%");
            assertQuantity("≥ 93 %", Operator.GE, "93", "%");
        }

        @Test
        void costsPerPersonAndDay() {
            assertQuantity("≤8000 元/人", Operator.LE, "8000", "元/人");
            assertQuantity("≤550 元/人天", Operator.LE, "550", "元/人天");
            assertQuantity("≤1500 元/人学时", Operator.LE, "1500", "元/人学时");
            assertQuantity("≤30 万/人", Operator.LE, "30", "万/人");
        }

        @Test
        void tenThousandsStayInTheUnit() {
            assertQuantity("≥200 万人次", Operator.GE, "200", "万人次");
            assertQuantity("≥155万份", Operator.GE, "155", "万份");
            assertQuantity("2.5万人", Operator.EQ, "2.5", "万人");
        }

        @Test
        void noOperatorMeansEqual() {
            assertQuantity("8 万元", Operator.EQ, "8", "万元");
            assertQuantity("100%", Operator.EQ, "100", "%");
            assertQuantity("=100%", Operator.EQ, "100", "%");
            assertThat(parse("100%").isPercent()).isTrue();
        }

        @Test
        void strictOperators() {
            assertQuantity("<80%", Operator.LT, "80", "%");
            assertQuantity(">2", Operator.GT, "2", null);
        }

        @Test
        void frequencies() {
            assertQuantity("≥2 次/年", Operator.GE, "2", "次/年");
            assertQuantity("1次/季度", Operator.EQ, "1", "次/季度");
            assertQuantity("≤7.8 万元 / 个/年", Operator.LE, "7.8", "万元/个/年");
            assertQuantity("≤2000元/人/次", Operator.LE, "2000", "元/人/次");
            assertQuantity("=200 万元/个", Operator.EQ, "200", "万元/个");
        }

        @Test
        void durationsAreQuantitiesNotDeadlines() {
            assertQuantity("≤24 小时", Operator.LE, "24", "小时");
            assertQuantity("≤5 个工作日", Operator.LE, "5", "个工作日");
            assertQuantity("≤30 天", Operator.LE, "30", "天");
        }

        @Test
        void percentWrittenAsAWord() {
            TargetValue v = assertQuantity("≥95百分比", Operator.GE, "95", "百分比");
            assertThat(v.isPercent()).isTrue();
        }

        @Test
        void operatorsWrittenInWords() {
            assertQuantity("400人以上", Operator.GE, "400", "人");
            assertQuantity("400 笔以上", Operator.GE, "400", "笔");
            assertQuantity("50人以下", Operator.LE, "50", "人");
            assertQuantity("5个工作日以内", Operator.LE, "5", "个工作日");
            assertQuantity("不超过5个工作日", Operator.LE, "5", "个工作日");
            assertQuantity("不低于90%", Operator.GE, "90", "%");
            assertQuantity("不少于3次", Operator.GE, "3", "次");
            assertQuantity("至少2期", Operator.GE, "2", "期");
        }

        @Test
        void rangeIsLowerBoundWithUpperKept() {
            TargetValue v = assertQuantity("360-400人", Operator.GE, "360", "人");
            assertThat(v.getUpperNumber()).isEqualByComparingTo("400");
            assertThat(parse("360～400 人").getUpperNumber()).isEqualByComparingTo("400");
        }

        @Test
        void fullWidthAndAsciiOperators() {
            assertQuantity("＞＝90％", Operator.GE, "90", "%");
            assertQuantity(">=90%", Operator.GE, "90", "%");
            assertQuantity("<=5 天", Operator.LE, "5", "天");
            assertQuantity("≧3 个", Operator.GE, "3", "个");
            assertQuantity("≦3 个", Operator.LE, "3", "个");
            assertQuantity("＜１０ 次", Operator.LT, "10", "次");
        }

        @Test
        void pdfArtefactsInNumbers() {
            TargetValue v = assertQuantity("1, 800. 00", Operator.EQ, "1800.00", null);
            assertThat(v.getNumber()).isEqualTo(new BigDecimal("1800.00"));
            assertQuantity("≤1, 800. 00 万元", Operator.LE, "1800", "万元");
            assertQuantity("35,690.00", Operator.EQ, "35690", null);
        }

        @Test
        void latexFromAPdfConversion() {
            assertQuantity("$\\geq 95\\%$", Operator.GE, "95", "%");
        }

        @Test
        void splitColumnsOfLayoutE() {
            assertQuantity("≥" + "190" + "人", Operator.GE, "190", "人");
            assertQuantity("190", Operator.EQ, "190", null);
            assertQuantity("=0次", Operator.EQ, "0", "次");
        }

        @Test
        void textIsKeptVerbatimButTrimmed() {
            TargetValue v = parse("  ≥ 93 %\u3000\n");
            assertThat(v.getText()).isEqualTo("≥ 93 %");
            assertThat(v.getNumber()).isEqualByComparingTo("93");
        }
    }

    @Nested
    class Deadlines {

        @Test
        void monthAndDayInTheFiscalYear() {
            assertDeadline("≤10 月 31 日", LocalDate.of(YEAR, 10, 31));
            assertDeadline("≤11月30日", LocalDate.of(YEAR, 11, 30));
        }

        @Test
        void theYearWrittenWins() {
            assertDeadline("2025年12月31日前", LocalDate.of(2025, 12, 31));
        }

        @Test
        void beforeAMonthIsTheEndOfThePreviousMonth() {
            assertDeadline("12月份之前", LocalDate.of(YEAR, 11, 30));
            assertDeadline("11 月前组织完成", LocalDate.of(YEAR, 10, 31));
        }

        @Test
        void endOfYear() {
            assertDeadline("年底前完成当年任务", LocalDate.of(YEAR, 12, 31));
            assertDeadline("年底前", LocalDate.of(YEAR, 12, 31));
            assertDeadline("年内完成", LocalDate.of(YEAR, 12, 31));
        }

        @Test
        void endOfMonth() {
            assertDeadline("≤10 月底", LocalDate.of(YEAR, 10, 31));
            assertDeadline("9月底前签约上岗", LocalDate.of(YEAR, 9, 30));
        }

        @Test
        void quarters() {
            assertDeadline("第四季度完成", LocalDate.of(YEAR, 12, 31));
            assertDeadline("四季度前", LocalDate.of(YEAR, 9, 30));
        }

        @Test
        void aPeriodEndsOnItsLastDay() {
            assertDeadline("2025年1月1日至2025年12月31日", LocalDate.of(2025, 12, 31));
            assertDeadline("自当年 10 月开始发放至次年 1 月", LocalDate.of(YEAR + 1, 1, 31));
        }

        @Test
        void aDeadlineClosingASentence() {
            assertDeadline("分赛道举办赛事活动，11 月前组织完成", LocalDate.of(YEAR, 10, 31));
            assertDeadline("省人社厅下达年度指标后，≤6月30日", LocalDate.of(YEAR, 6, 30));
        }

        @Test
        void monthDotDayAsOneTableWritesIt() {
            assertDeadline("≤12.31 月日", LocalDate.of(YEAR, 12, 31));
            assertDeadline("≤12.31 日", LocalDate.of(YEAR, 12, 31));
        }

        @Test
        void recurringDatesAreNotOneDeadline() {
            assertQualitative("每月 25 日前发放");
            assertQualitative("文字描述：每月 20 日前");
        }

        @Test
        void impossibleDatesAreQualitativeForTheValidatorToReport() {
            assertQualitative("2月30日");
            assertQualitative("≤2月30日");
            assertQualitative("13月1日前");
            assertQualitative("2023年2月29日前");
            assertDeadline("2024年2月29日前", LocalDate.of(2024, 2, 29));
        }

        @Test
        void aBareMonthCountIsMonthsNotADate() {
            assertQuantity("≤3 月", Operator.LE, "3", "月");
            assertQuantity("12 个月", Operator.EQ, "12", "个月");
        }
    }

    @Nested
    class Qualitative {

        @ParameterizedTest
        @ValueSource(strings = {"严格落实相关政策", "有效", "是", "及时", "优化人才环境", "根据补贴标准确定",
                "当地最低工资标准的 60%", "覆盖在校大学生及外省市 创业群体", "≤2023 年合同额", "≤项目原始合同额*8%",
                "培训班每年最少 2 期", "薪酬总额达到 80 万元-120 万元，按照 20% 的比例给予补贴", "延期一周", "每季度末月",
                "完成年度任务", "原则上不低于当地月最低工资标准"})
        void wordsAreQualitative(String text) {
            assertQualitative(text);
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // Edge cases: the parser never throws.

    @Nested
    class EdgeCases {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n ", "\u3000", "\u00A0", "\u0000\u0001 "})
        void nullAndBlankGiveNull(String text) {
            assertThat(parse(text)).isNull();
        }

        @Test
        void controlCharactersInsideAValue() {
            TargetValue v = parse("≥\u000093\u0007%");
            assertThat(v).isNotNull();
            assertThat(v.getText()).isEqualTo("≥\u000093\u0007%");
            assertThat(v.getOperator()).isEqualTo(Operator.GE);
            assertThat(v.getNumber()).isEqualByComparingTo("93");
            assertThat(v.getUnit()).isEqualTo("%");
        }

        @Test
        void aMegabyteIsQualitative() {
            String huge = "≥" + "9".repeat(1 << 20) + "%";
            TargetValue v = parse(huge);
            assertThat(v.getKind()).isEqualTo(ValueKind.QUALITATIVE);
            assertThat(v.getText()).hasSize(huge.length());
            assertQualitative("有效".repeat(1 << 19));
        }

        @Test
        void notANumber() {
            assertQualitative("NaN");
            assertQualitative("Infinity");
            assertQualitative("≥NaN%");
        }

        @Test
        void exponentNotationIsQualitative() {
            assertQualitative("1e308");
            assertQualitative("≥1E+308 元");
            assertQualitative("2.5e3");
        }

        @Test
        void numbersTheColumnCannotHoldAreQualitative() {
            assertQualitative("123456789012345678901234567890");
            assertQualitative("0.123456789");
            assertQuantity("12345678901234", Operator.EQ, "12345678901234", null);
        }

        @Test
        void negativeNumbersAreNumbers() {
            assertQuantity("-5", Operator.EQ, "-5", null);
            assertQuantity("≥-5%", Operator.GE, "-5", "%");
        }

        @Test
        void absurdFiscalYearsDoNotThrow() {
            for (int year : new int[] {Integer.MIN_VALUE, -1, 0, 99999, Integer.MAX_VALUE}) {
                TargetValue v = TargetValueParser.parse("≤10 月 31 日", year);
                assertThat(v.getKind()).isEqualTo(ValueKind.QUALITATIVE);
                assertThat(TargetValueParser.parse("年底前", year).getKind()).isEqualTo(ValueKind.QUALITATIVE);
                assertThat(TargetValueParser.parse("≥93%", year).getNumber()).isEqualByComparingTo("93");
            }
        }

        @Test
        void randomStringsNeverThrow() {
            Random random = new Random(20240601L);
            String alphabet = "0123456789.,-~ %％≥≤=<>＞＜＝≧≦年月日底前至到以上下内季度第四万元人次/"
                    + "每文字描述：，；\u0000\u0007\t\n\r\u3000\u00A0\u200BeE$\\geqNa🙂\uD800";
            for (int i = 0; i < 20_000; i++) {
                int length = random.nextInt(i % 100 == 0 ? 2000 : 24);
                StringBuilder b = new StringBuilder(length);
                for (int j = 0; j < length; j++) {
                    b.append(random.nextInt(10) == 0 ? (char) random.nextInt(0xFFFF)
                            : alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String text = b.toString();
                assertThatCode(() -> {
                    TargetValue v = TargetValueParser.parse(text, 2024);
                    if (v != null) {
                        assertUsable(v);
                    }
                }).as("%s", text).doesNotThrowAnyException();
            }
        }

        /** What the rest of the project relies on: a kind, and the parts that kind needs, storable. */
        private void assertUsable(TargetValue v) {
            assertThat(v.getKind()).isNotNull();
            assertThat(v.getText()).isNotBlank();
            switch (v.getKind()) {
                case QUANTITATIVE -> {
                    assertThat(v.getOperator()).isNotNull();
                    assertThat(v.getNumber().precision() - v.getNumber().scale()).isLessThanOrEqualTo(14);
                    assertThat(v.getNumber().scale()).isLessThanOrEqualTo(6);
                }
                case DEADLINE -> assertThat(v.getDeadline()).isNotNull();
                case QUALITATIVE -> assertThat(v.getNumber()).isNull();
            }
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    private static TargetValue assertQuantity(String text, Operator operator, String number, String unit) {
        TargetValue v = parse(text);
        assertThat(v).as(text).isNotNull();
        assertThat(v.getKind()).as("kind of %s", text).isEqualTo(ValueKind.QUANTITATIVE);
        assertThat(v.getOperator()).as("operator of %s", text).isEqualTo(operator);
        assertThat(v.getNumber()).as("number of %s", text).isEqualByComparingTo(number);
        assertThat(v.getUnit()).as("unit of %s", text).isEqualTo(unit);
        assertThat(v.getDeadline()).isNull();
        return v;
    }

    private static void assertDeadline(String text, LocalDate deadline) {
        TargetValue v = parse(text);
        assertThat(v).as(text).isNotNull();
        assertThat(v.getKind()).as("kind of %s", text).isEqualTo(ValueKind.DEADLINE);
        assertThat(v.getOperator()).as("operator of %s", text).isEqualTo(Operator.LE);
        assertThat(v.getDeadline()).as("deadline of %s", text).isEqualTo(deadline);
        assertThat(v.getNumber()).isNull();
        assertThat(v.getText()).isEqualTo(text.strip());
    }

    private static void assertQualitative(String text) {
        TargetValue v = parse(text);
        assertThat(v).as(text).isNotNull();
        assertThat(v.getKind()).as("kind of %s", text.length() > 80 ? text.substring(0, 80) : text)
                .isEqualTo(ValueKind.QUALITATIVE);
        assertThat(v.getOperator()).isNull();
        assertThat(v.getNumber()).isNull();
        assertThat(v.getDeadline()).isNull();
        assertThat(v.getText()).isEqualTo(text.strip());
    }
}
