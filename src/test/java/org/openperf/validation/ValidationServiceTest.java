package org.openperf.validation;

import org.openperf.kernel.Severity;
import org.openperf.kernel.Finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openperf.validation.TargetTables.amount;
import static org.openperf.validation.TargetTables.at;
import static org.openperf.validation.TargetTables.deadline;
import static org.openperf.validation.TargetTables.huangyuanPublicWelfareInsurance;
import static org.openperf.validation.TargetTables.plan;
import static org.openperf.validation.TargetTables.quantity;
import static org.openperf.validation.TargetTables.row;
import static org.openperf.validation.TargetTables.valid;
import static org.openperf.validation.TargetTables.weighted;
import static org.openperf.validation.TargetTables.without;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openperf.targets.Indicator;
import org.openperf.targets.Operator;
import org.openperf.targets.Project;
import org.openperf.targets.TargetValue;
import org.openperf.targets.ValueKind;

class ValidationServiceTest {

    private final ValidationService service = new ValidationService();

    // ---- helpers ----------------------------------------------------------------------------------------------

    private List<Finding> validate(Project p) {
        return service.validate(p);
    }

    /** The table's only finding, which must have this rule and severity. */
    private Finding single(Project p, String rule, Severity severity) {
        List<Finding> findings = validate(p);
        assertThat(findings).as("findings").singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo(rule))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(severity));
        return findings.get(0);
    }

    /** The only finding for an indicator row: index and field set, message naming the 三级 name. */
    private Finding singleOnRow(Project p, String rule, Severity severity, int index) {
        Finding f = single(p, rule, severity);
        String name = at(p, index).getName().strip();
        assertThat(f.indicatorIndex()).isEqualTo(index);
        assertThat(f.field()).isEqualTo(name);
        assertThat(f.message()).contains("“" + name + "”");
        return f;
    }

    private Finding singleOnField(Project p, String rule, Severity severity, String field) {
        Finding f = single(p, rule, severity);
        assertThat(f.field()).isEqualTo(field);
        assertThat(f.indicatorIndex()).isNull();
        return f;
    }

    private static Project withValue(int index, TargetValue value) {
        Project p = valid();
        at(p, index).setValue(value);
        return p;
    }

    private static Project withRow(Indicator indicator) {
        Project p = valid();
        p.addIndicator(indicator);
        return p;
    }

    // ---- the clean table ----------------------------------------------------------------------------------

    @Test
    void validTableHasNoFindings() {
        assertThat(validate(valid())).isEmpty();
    }

    @Test
    void serviceBuiltWithSettingsUsesThem() {
        ValidationService custom = new ValidationService(new ValidationSettings(java.util.Map.of(), null, null));
        assertThat(custom.settings()).isEqualTo(ValidationSettings.defaults());
        assertThat(custom.validate(valid())).isEmpty();
    }

    // ---- project fields -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankProjectNameIsAnError(String name) {
        Project p = valid();
        p.setName(name);
        Finding f = singleOnField(p, "project.name.missing", Severity.ERROR, "项目名称");
        assertThat(f.message()).contains("项目名称");
    }

    @Test
    void nullProjectNameIsAnError() {
        Project p = valid();
        p.setName(null);
        singleOnField(p, "project.name.missing", Severity.ERROR, "项目名称");
    }

    @Test
    void draftWithoutUnitIsAnError() {
        Project p = valid();
        p.setUnit(null);
        Finding f = singleOnField(p, "project.unit.missing", Severity.ERROR, "预算单位");
        assertThat(f.message()).contains("预算单位");
    }

    @Test
    void missingYearIsAnError() {
        Project p = valid();
        p.setYear(0);
        Finding f = singleOnField(p, "project.year.missing", Severity.ERROR, "预算年度");
        assertThat(f.message()).contains("预算年度");
    }

    @Test
    void yearOutside2000To2100IsAnErrorAndTheBoundsPass() {
        for (int year : new int[] {1999, 2101}) {
            Project p = valid();
            p.setYear(year);
            Finding f = singleOnField(p, "project.year.out-of-range", Severity.ERROR, "预算年度");
            assertThat(f.message()).contains(String.valueOf(year));
        }
        for (int year : new int[] {2021, 2100}) {
            Project p = valid();
            p.setYear(year);
            assertThat(validate(p)).isEmpty();
        }
    }

    // ---- 预算数 and funds ---------------------------------------------------------------------------------------

    @Test
    void missingBudgetIsAnError() {
        Project p = valid();
        p.setBudget(null);
        p.setFiscalFunds(null);
        p.setOtherFunds(null);
        singleOnField(p, "project.budget.missing", Severity.ERROR, "预算数");
    }

    @Test
    void zeroBudgetIsAWarningUnlessANoteExplainsIt() {
        Project p = valid();
        p.setBudget(amount("0.00"));
        p.setFiscalFunds(amount("0"));
        p.setOtherFunds(null);
        Finding f = singleOnField(p, "project.budget.zero", Severity.WARNING, "预算数");
        assertThat(f.message()).contains("预算数为 0");

        p.setBudgetNote("上级未下达资金，列示待安排事项");
        assertThat(validate(p)).isEmpty();
    }

    @Test
    void negativeAmountIsAnError() {
        Project p = valid();
        p.setFiscalFunds(amount("120.00"));
        p.setOtherFunds(amount("-20.00"));
        Finding f = singleOnField(p, "project.amount.negative", Severity.ERROR, "其他资金");
        assertThat(f.message()).contains("其他资金", "-20.00");
    }

    @Test
    void fundsMustAddUpToTheCent() {
        Project p = valid();
        p.setOtherFunds(amount("20.01"));
        Finding f = singleOnField(p, "project.funds.sum", Severity.ERROR, "预算数");
        assertThat(f.message()).contains("80.00", "20.01", "100.01", "100.00");

        p.setOtherFunds(amount("19.99"));
        singleOnField(p, "project.funds.sum", Severity.ERROR, "预算数");

        p.setOtherFunds(amount("20.004")); // below a cent: rounds to the budget
        assertThat(validate(p)).isEmpty();
    }

    @Test
    void nullOtherFundsCountAsZero() {
        Project p = valid();
        p.setFiscalFunds(amount("100.000000"));
        p.setOtherFunds(null);
        assertThat(validate(p)).isEmpty();

        p.setFiscalFunds(amount("99.99"));
        singleOnField(p, "project.funds.sum", Severity.ERROR, "预算数");
    }

    @Test
    void budgetWithoutSplitIsNotAddedUp() {
        Project p = valid();
        p.setFiscalFunds(null);
        p.setOtherFunds(null);
        assertThat(validate(p)).isEmpty();
    }

    // ---- spending plan --------------------------------------------------------------------------------------

    @Test
    void planMustEndAt100() {
        Project p = valid();
        p.setSpendingPlan(plan(3, "30", 6, "60", 10, "90", 12, "99.99"));
        Finding f = singleOnField(p, "plan.last.not-100", Severity.ERROR, "资金支出计划");
        assertThat(f.message()).contains("12月底", "99.99%");

        p.setSpendingPlan(plan(3, "30", 6, "60", 10, "90", 12, "100.00"));
        assertThat(validate(p)).isEmpty();
    }

    @Test
    void planMustNotDecrease() {
        Project p = valid();
        p.setSpendingPlan(plan(3, "30", 6, "60", 10, "50", 12, "100"));
        Finding f = singleOnField(p, "plan.not-cumulative", Severity.ERROR, "资金支出计划");
        assertThat(f.message()).contains("10月底", "50%", "6月底", "60%");

        p.setSpendingPlan(plan(3, "30", 6, "60", 10, "60", 12, "100")); // equal is not a decrease
        assertThat(validate(p)).isEmpty();
    }

    @Test
    void planPercentMustLieIn0To100() {
        Project p = valid();
        p.setSpendingPlan(plan(3, "30", 6, "60", 10, "100.01", 12, "100"));
        Finding f = singleOnField(p, "plan.percent.range", Severity.ERROR, "资金支出计划");
        assertThat(f.message()).contains("10月底", "100.01%");

        p.setSpendingPlan(plan(3, "-1", 12, "100"));
        singleOnField(p, "plan.percent.range", Severity.ERROR, "资金支出计划");

        p.setSpendingPlan(plan(3, "0", 12, "100"));
        assertThat(validate(p)).isEmpty();
    }

    @Test
    void planMonthsMustIncreaseWithin1To12() {
        Project p = valid();
        p.setSpendingPlan(plan(6, "30", 3, "60", 12, "100"));
        Finding f = singleOnField(p, "plan.month.order", Severity.ERROR, "资金支出计划");
        assertThat(f.message()).contains("6月底", "3月底");

        p.setSpendingPlan(plan(6, "30", 13, "90", 12, "100"));
        Finding invalid = singleOnField(p, "plan.month.invalid", Severity.ERROR, "资金支出计划");
        assertThat(invalid.message()).contains("13");
    }

    @Test
    void planIsOptional() {
        Project p = valid();
        p.setSpendingPlan(List.of());
        assertThat(validate(p)).isEmpty();
    }

    // ---- structure ------------------------------------------------------------------------------------------

    @Test
    void eachRequiredLevel1MustBePresent() {
        record Case(String level1, String rule) {
        }
        for (Case c : List.of(new Case("产出指标", "structure.output.missing"),
                new Case("效益指标", "structure.benefit.missing"))) {
            Project p = without(valid(), i -> i.getLevel1().equals(c.level1()));
            Finding f = singleOnField(p, c.rule(), Severity.ERROR, c.level1());
            assertThat(f.message()).contains("缺少" + c.level1());
        }
    }

    @Test
    void missingSatisfactionIsAWarning() {
        Project p = without(valid(), i -> i.getLevel1().equals("满意度指标"));
        Finding f = singleOnField(p, "structure.satisfaction.missing", Severity.WARNING, "满意度指标");
        assertThat(f.message()).contains("缺少满意度指标", "原则上应设置");
    }

    @Test
    void missingCostIsAWarningByDefaultAndAnErrorFromTheYearAProvinceSets() {
        Project p = without(valid(), i -> i.getLevel1().equals("成本指标"));
        p.setYear(2024);
        Finding byDefault = singleOnField(p, "structure.cost.missing", Severity.WARNING, "成本指标");
        assertThat(byDefault.message()).contains("缺少成本指标");

        ValidationService from2021 = new ValidationService(ValidationSettings.withRules(Map.of(
                Rule.STRUCTURE_COST_MISSING, new RuleSetting(RuleSetting.Level.ERROR, 2021))));
        p.setYear(2020);
        assertThat(from2021.validate(p)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        p.setYear(2021);
        assertThat(from2021.validate(p)).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo("structure.cost.missing"))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void costAsLevel2UnderOutputCountsAsCost() {
        Project p = without(valid(), i -> i.getLevel1().equals("成本指标"));
        p.addIndicator(row("产出指标", "成本指标", "人均培训成本", quantity("≤", "800", "元/人")));
        assertThat(validate(p)).isEmpty();

        at(p, p.getIndicators().size() - 1).setLevel2("成本");
        assertThat(validate(p)).isEmpty();
    }

    @Test
    void shortenedLevel2NamesAreAccepted() {
        Project p = valid();
        at(p, 3).setLevel2("经济成本");
        at(p, 4).setLevel2("社会效益");
        at(p, 5).setLevel2("可持续影响");
        at(p, 6).setLevel2("服务对象满意度");
        at(p, 0).setLevel2("数量 指标");
        at(p, 6).setLevel1("满意度指 标");
        assertThat(validate(p)).isEmpty();
    }

    @Test
    void level2UnderTheWrongLevel1IsAnError() {
        Project p = valid();
        at(p, 0).setLevel2("经济效益指标");
        Finding f = singleOnRow(p, "structure.level2.mismatch", Severity.ERROR, 0);
        assertThat(f.message()).contains("经济效益指标", "产出指标");
    }

    @Test
    void unknownLevel2IsAnError() {
        Project p = valid();
        at(p, 6).setLevel2("服务对象满"); // cut short by a PDF line break
        Finding f = singleOnRow(p, "structure.level2.unknown", Severity.ERROR, 6);
        assertThat(f.message()).contains("服务对象满", "服务对象满意度指标");
    }

    @Test
    void missingLevel2IsAnError() {
        Project p = valid();
        at(p, 1).setLevel2(" ");
        singleOnRow(p, "structure.level2.missing", Severity.ERROR, 1);
    }

    @Test
    void unknownLevel1IsAnError() {
        Project p = valid();
        p.addIndicator(row("绩效指标", "数量指标", "培训班次", quantity("≥", "10", "期")));
        Finding f = singleOnRow(p, "structure.level1.unknown", Severity.ERROR, 7);
        assertThat(f.message()).contains("绩效指标");
    }

    @Test
    void missingLevel1IsAnError() {
        Project p = valid();
        p.addIndicator(row(null, "数量指标", "培训班次", quantity("≥", "10", "期")));
        singleOnRow(p, "structure.level1.missing", Severity.ERROR, 7);
    }

    // ---- 三级 names ----------------------------------------------------------------------------------------------

    @Test
    void duplicateNameIsAnErrorNamingBothRows() {
        Project p = withRow(row("产出指标", "数量指标", "培训 人数", quantity("≥", "300", "人")));
        Finding f = singleOnRow(p, "indicator.name.duplicate", Severity.ERROR, 7);
        assertThat(f.message()).contains("第1行", "第8行");
    }

    @Test
    void nameOf100CharactersPassesAnd101IsAnError() {
        Project p = valid();
        at(p, 0).setName("培".repeat(100));
        assertThat(validate(p)).isEmpty();

        at(p, 0).setName("培".repeat(101));
        Finding f = single(p, "indicator.name.too-long", Severity.ERROR);
        assertThat(f.indicatorIndex()).isZero();
        assertThat(f.field()).isEqualTo("培".repeat(101));
        assertThat(f.message()).contains("“" + "培".repeat(20) + "…”", "101");
    }

    @Test
    void emptyNameIsAnError() {
        Project p = valid();
        at(p, 2).setName("  ");
        Finding f = single(p, "indicator.name.missing", Severity.ERROR);
        assertThat(f.indicatorIndex()).isEqualTo(2);
        assertThat(f.field()).isEqualTo("第3行");
        assertThat(f.message()).contains("第3行");
    }

    // ---- values ---------------------------------------------------------------------------------------------

    @Test
    void missingValueIsAnError() {
        singleOnRow(withValue(0, null), "value.missing", Severity.ERROR, 0);
        singleOnRow(withValue(5, TargetValue.qualitative(" ")), "value.missing", Severity.ERROR, 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"≥ abc", "≥90 %%", "2月30日", "1, 800. 00", "不低于90%", "＞九成", "12月份之前"})
    void qualitativeTextThatLooksMeasurableIsUnparsed(String text) {
        Finding f = singleOnRow(withValue(5, TargetValue.qualitative(text)), "value.unparsed", Severity.ERROR, 5);
        assertThat(f.message()).contains(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"有效", "是", "及时", "严格落实相关政策", "优化人才环境", "根据补贴标准确定", "达到预期效果"})
    void qualitativeTextIsAccepted(String text) {
        assertThat(validate(withValue(5, TargetValue.qualitative(text)))).isEmpty();
    }

    @Test
    void quantitativeWithoutNumberOrDeadlineWithoutDateIsUnparsed() {
        TargetValue noNumber = new TargetValue("≥多人", Operator.GE, null, null, "人", ValueKind.QUANTITATIVE, null);
        singleOnRow(withValue(0, noNumber), "value.unparsed", Severity.ERROR, 0);
        singleOnRow(withValue(2, deadline("≤2月30日", null)), "value.unparsed", Severity.ERROR, 2);
        TargetValue noKind = new TargetValue("≥200人", null, null, null, null, null, null);
        singleOnRow(withValue(0, noKind), "value.unparsed", Severity.ERROR, 0);
    }

    @Test
    void quantitativeValueNeedsAUnit() {
        Finding f = singleOnRow(withValue(0, quantity("≥", "200", null)), "value.unit.missing", Severity.WARNING, 0);
        assertThat(f.message()).contains("≥200");
        singleOnRow(withValue(0, quantity("≥", "200", " ")), "value.unit.missing", Severity.WARNING, 0);
    }

    @Test
    void rateAbove100IsAnErrorAnd100Passes() {
        assertThat(validate(withValue(1, quantity("=", "100", "%")))).isEmpty();
        assertThat(validate(withValue(1, quantity("≥", "100.00", "%")))).isEmpty();

        Finding f = singleOnRow(withValue(1, quantity("≥", "100.01", "%")), "value.rate.range", Severity.ERROR, 1);
        assertThat(f.message()).isEqualTo("指标“培训合格率”的指标值“≥100.01%”超出 0–100% 范围");
    }

    @Test
    void rateExampleFromTheBrief() {
        Project p = valid();
        at(p, 1).setName("仲裁结案率");
        at(p, 1).setValue(quantity("≥", "193", "%"));
        Finding f = singleOnRow(p, "value.rate.range", Severity.ERROR, 1);
        assertThat(f.message()).isEqualTo("指标“仲裁结案率”的指标值“≥193%”超出 0–100% 范围");
    }

    @Test
    void rateBelowZeroOrWithRangeEndAbove100IsAnError() {
        singleOnRow(withValue(1, quantity("≥", "-1", "%")), "value.rate.range", Severity.ERROR, 1);
        TargetValue range = new TargetValue("90-101%", Operator.EQ, new BigDecimal("90"), new BigDecimal("101"), "%",
                ValueKind.QUANTITATIVE, null);
        singleOnRow(withValue(1, range), "value.rate.range", Severity.ERROR, 1);
        singleOnRow(withValue(1, quantity("≥", "195", "百分比")), "value.rate.range", Severity.ERROR, 1);
    }

    @Test
    void lessOrEqual100PercentOnARateIsAWarning() {
        Project p = valid();
        at(p, 1).setName("培训补贴发放差错率");
        at(p, 1).setValue(quantity("≤", "100", "%"));
        Finding f = singleOnRow(p, "value.rate.le100", Severity.WARNING, 1);
        assertThat(f.message()).contains("≤100%");

        at(p, 1).setValue(quantity("≤", "99.99", "%"));
        assertThat(validate(p)).isEmpty();
    }

    @Test
    void upperBoundOnASatisfactionOrAccuracyIsSuspicious() {
        Finding f = singleOnRow(withValue(6, quantity("≤", "90", "%")), "value.operator.suspicious",
                Severity.WARNING, 6);
        assertThat(f.message()).contains("≤");

        Project accuracy = valid();
        at(accuracy, 1).setName("社会保险补贴发放准确率");
        at(accuracy, 1).setValue(quantity("<", "95", "%"));
        singleOnRow(accuracy, "value.operator.suspicious", Severity.WARNING, 1);
    }

    @Test
    void upperBoundOnARateWhereLessIsBetterIsFine() {
        Project p = withRow(row("效益指标", "社会效益指标", "年末城镇失业登记率", quantity("≤", "3.5", "%")));
        assertThat(validate(p)).isEmpty();
    }

    @Test
    void lowerBoundOnACostIsSuspicious() {
        Finding f = singleOnRow(withValue(3, quantity("≥", "800", "元/人")), "value.operator.suspicious",
                Severity.WARNING, 3);
        assertThat(f.message()).contains("成本", "≥");

        Project older = without(valid(), i -> i.getLevel1().equals("成本指标"));
        older.addIndicator(row("产出指标", "成本指标", "人均培训成本", quantity(">", "800", "元/人")));
        singleOnRow(older, "value.operator.suspicious", Severity.WARNING, 6);
    }

    @Test
    void costInWanYuanAboveTheBudgetIsAnError() {
        assertThat(validate(withValue(3, quantity("≤", "100", "万元")))).isEmpty(); // = budget 100.00

        Finding f = singleOnRow(withValue(3, quantity("≤", "100.01", "万元")), "value.cost.over-budget",
                Severity.ERROR, 3);
        assertThat(f.message()).contains("≤100.01万元", "100.00 万元");

        assertThat(validate(withValue(3, quantity("≤", "200", "万元/人")))).isEmpty(); // per head: not the total
    }

    @Test
    void moreThanHalfQualitativeIsAWarning() {
        assertThat(validate(tableWithQualitative(50, 100))).isEmpty();

        Project p = tableWithQualitative(51, 100);
        Finding f = singleOnField(p, "values.mostly-qualitative", Severity.WARNING, "指标值");
        assertThat(f.message()).contains("100", "51", "定量为主");
    }

    @Test
    void halfQualitativeOfASmallTableIsFineAndOneMoreIsNot() {
        assertThat(validate(tableWithQualitative(6, 12))).isEmpty();
        single(tableWithQualitative(7, 13), "values.mostly-qualitative", Severity.WARNING);
    }

    /** The clean table (7 rows, 1 qualitative) padded with 数量 rows to {@code total}, {@code qualitative} of them qualitative. */
    private static Project tableWithQualitative(int qualitative, int total) {
        Project p = valid();
        int remainingQualitative = qualitative - 1;
        for (int i = p.getIndicators().size(); i < total; i++) {
            TargetValue v = remainingQualitative-- > 0 ? TargetValue.qualitative("按计划完成") : quantity("≥", "1", "项");
            p.addIndicator(row("产出指标", "数量指标", "工作事项" + i, v));
        }
        return p;
    }

    // ---- weights --------------------------------------------------------------------------------------------

    @Test
    void huangyuanWeightsSumTo90AndPass() {
        Project p = huangyuanPublicWelfareInsurance();
        // As published (and approved) it has no 成本 indicator: a warning; nothing else is wrong with it.
        assertThat(validate(p)).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo("structure.cost.missing"))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void weightsMustSumTo90() {
        Project p = withWeights("20", "15", "15", "10", "15", "5", "10");
        assertThat(validate(p)).isEmpty();

        at(p, 6).setWeight(new BigDecimal("9.5"));
        Finding f = singleOnField(p, "weight.sum", Severity.ERROR, "分值权重");
        assertThat(f.message()).contains("89.5", "90");
    }

    @Test
    void weightsSummingTo100WithoutBudgetExecutionAreAnError() {
        Finding f = single(withWeights("20", "15", "15", "10", "15", "10", "15"), "weight.sum", Severity.ERROR);
        assertThat(f.message()).contains("100", "90", "预算执行率");
    }

    @Test
    void budgetExecutionRowCarriesItsOwnWeight() {
        Project p = withWeights("20", "15", "15", "10", "15", "5", "10");
        p.addIndicator(weighted(row("产出指标", "时效指标", "预算执行率", quantity("≥", "90", "%")), "10"));
        assertThat(validate(p)).isEmpty();

        at(p, 7).setWeight(new BigDecimal("5"));
        singleOnRow(p, "weight.budget-execution", Severity.ERROR, 7);
    }

    @Test
    void weightTotalIsASetting() {
        Project p = withWeights("20", "15", "15", "10", "15", "10", "15");
        ValidationService hundred = new ValidationService(new ValidationSettings(java.util.Map.of(), new BigDecimal("100"), null));
        assertThat(hundred.validate(p)).isEmpty();
    }

    @Test
    void nonPositiveWeightIsAnError() {
        Project p = withWeights("20", "15", "15", "10", "15", "15", "0");
        Finding f = singleOnRow(p, "weight.non-positive", Severity.ERROR, 6);
        assertThat(f.message()).contains("0");

        List<Finding> negative = validate(withWeights("20", "15", "15", "10", "15", "20", "-5"));
        assertThat(negative).extracting(Finding::rule).containsExactly("weight.non-positive");
    }

    @Test
    void weightMissingOnOneRowWhenOthersHaveOneIsAnError() {
        Project p = withWeights("20", "15", "15", "10", "15", "15", null);
        assertThat(validate(p)).extracting(Finding::rule).containsExactly("weight.missing");
        assertThat(validate(p).get(0).indicatorIndex()).isEqualTo(6);
    }

    private static Project withWeights(String... weights) {
        Project p = valid();
        for (int i = 0; i < weights.length; i++) {
            weighted(at(p, i), weights[i]);
        }
        return p;
    }

    // ---- several findings at once -----------------------------------------------------------------------------

    @Test
    void findingsAreReportedTogetherInRuleGroupOrder() {
        Project p = valid();
        p.setName(null);
        p.setSpendingPlan(plan(12, "90"));
        at(p, 1).setValue(quantity("≥", "193", "%"));
        weighted(at(p, 0), "0");
        assertThat(validate(p)).extracting(Finding::rule).containsExactly("project.name.missing",
                "plan.last.not-100", "value.rate.range", "weight.non-positive", "weight.missing", "weight.missing",
                "weight.missing", "weight.missing", "weight.missing", "weight.missing", "weight.sum");
    }

    // ---- grading bands ------------------------------------------------------------------------------------------

    private static Project banded(String excellent, String good, String fair, String poor) {
        Project p = valid();
        at(p, 1).setValue(null);
        at(p, 1).setBands(new org.openperf.targets.GradeBands(excellent, good, fair, poor));
        return p;
    }

    @Test
    void aBandedIndicatorNeedsNoSingleValue() {
        assertThat(validate(banded("100%", "≥90%", "≥80%", "<80%"))).isEmpty();
        assertThat(validate(banded("≤2 天", "≤5 天", "≤7 天", ">7 天"))).isEmpty(); // less is better
        assertThat(validate(banded("及时", "延期一周", "延期两周", "延期三周"))).isEmpty();
    }

    @Test
    void bandsThatDoNotRunOneWayAreAnError() {
        Finding f = singleOnRow(banded("100%", "≥80%", "≥90%", "<80%"), "value.band.order", Severity.ERROR, 1);
        assertThat(f.message()).contains("“良”档 ≥80%", "“中”档 ≥90%", "优 ≥ 良 ≥ 中 ≥ 差");
    }

    @Test
    void aBandThatCannotBeReadIsAnErrorNamingTheBand() {
        Finding f = singleOnRow(banded("100%", "≥九十%", "≥80%", "<80%"), "value.band.unparsed", Severity.ERROR, 1);
        assertThat(f.message()).contains("“良”档“≥九十%”");
    }
}
