package org.openperf.validation;

import org.openperf.kernel.Severity;
import org.openperf.kernel.Finding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Indicator;
import org.openperf.targets.IndicatorFramework;
import org.openperf.targets.Operator;
import org.openperf.targets.Project;
import org.openperf.targets.TableChecks;
import org.openperf.targets.SpendingPlanEntry;
import org.openperf.targets.TargetValue;
import org.openperf.targets.TargetValueParser;
import org.openperf.targets.ValueKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Checks a target table (绩效目标表) the way a reviewer would by hand (DOMAIN.md, "Validation"). Errors block
 * submission; warnings travel with the table to the reviewers. Every finding has a stable rule id and a Chinese
 * message naming the field or the indicator (三级 name). Each rule's level (ERROR, WARNING or off) is its
 * {@link Rule} default unless the province set it ({@link ValidationSettings}), optionally from a fiscal year on.
 *
 * <p>Rule groups, in the order findings are reported: project fields ({@code project.*}), spending plan
 * ({@code plan.*}), structure ({@code structure.*}), 三级 names ({@code indicator.name.*}), values
 * ({@code value.*}, {@code values.*}), weights ({@code weight.*}) and, where the table continues a project of last
 * year with final results, year over year ({@code yoy.*}, docs/year-over-year.md).
 */
@Service
public class ValidationService implements TableChecks {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_NAME_LENGTH = 100;
    static final String BUDGET_EXECUTION = "预算执行率";

    private static final List<Rule> YEAR_OVER_YEAR = List.of(Rule.YOY_TARGET_BELOW_ACTUAL, Rule.YOY_TARGET_UNCHANGED,
            Rule.YOY_INDICATOR_DROPPED, Rule.YOY_GRADE_BUDGET_UP);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String WAN_YUAN = "万元";

    /**
     * A qualitative value that looks as if it should have been read as a number or a date: it starts with an
     * operator or a digit, or a word operator followed by a digit (不低于90%), or it holds a month-day date.
     */
    private static final Pattern LOOKS_MEASURABLE = Pattern.compile(
            "^\\s*(?:[≥≤=<>＜＞＝≧≦]|[0-9０-９]"
                    + "|(?:不低于|不少于|不高于|不超过|不大于|不小于|大于|小于|高于|低于|多于|少于|超过|达到)\\s*[0-9０-９])"
                    + "|[0-9０-９]+\\s*月\\s*[0-9０-９]+\\s*日");

    private final ValidationSettings settings;
    /** Last year's results (evaluation's); looked up at the first validation, so no bean cycle at start-up. */
    private final ObjectProvider<LastYearSource> lastYear;
    /** The bean, looked up once: resolving it through the provider at each validation was 8% of a list page's CPU. */
    private volatile LastYearSource lastYearSource;

    /** With the default settings, without last year's results (no {@code yoy.*} findings). */
    public ValidationService() {
        this(ValidationSettings.defaults());
    }

    /** Without last year's results (no {@code yoy.*} findings). */
    public ValidationService(ValidationSettings settings) {
        this(settings, null);
    }

    @Autowired
    public ValidationService(ValidationSettings settings, ObjectProvider<LastYearSource> lastYear) {
        this.settings = settings == null ? ValidationSettings.defaults() : settings;
        this.lastYear = lastYear;
    }

    public ValidationSettings settings() {
        return settings;
    }

    /** Every finding on the project's table, in the order of the rule groups; empty when the table is clean. */
    public List<Finding> validate(Project project) {
        return validate(project, lastYear(project).orElse(null));
    }

    /**
     * Every finding with last year's results given (tests, and callers that looked them up themselves): the
     * {@code yoy.*} rules compare the table with them.
     */
    public List<Finding> validate(Project project, LastYear last) {
        Run run = new Run(project);
        run.projectFields();
        run.funds();
        run.spendingPlan();
        run.structure();
        run.names();
        run.values();
        run.weights();
        if (last != null) {
            run.yearOverYear(last);
        }
        return List.copyOf(run.findings);
    }

    /** The findings of each of a batch of tables (a page of a list), last year's results read at once. */
    public List<List<Finding>> validateAll(List<Project> projects) {
        List<LastYear> last = lastYears(projects);
        List<List<Finding>> out = new java.util.ArrayList<>(projects.size());
        for (int i = 0; i < projects.size(); i++) {
            out.add(validate(projects.get(i), last.get(i)));
        }
        return out;
    }

    /**
     * Last year's results for each of a batch of tables (an import), in their order, null where there are none or
     * none are needed; read at once instead of per table. Pass each to {@link #validate(Project, LastYear)}.
     */
    public List<LastYear> lastYears(List<Project> projects) {
        LastYearSource source = lastYearSource();
        List<LastYear> out = new java.util.ArrayList<>(java.util.Collections.nCopies(projects.size(), null));
        if (source == null) {
            return out;
        }
        List<Integer> asked = new java.util.ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            if (needsLastYear(projects.get(i))) {
                asked.add(i);
            }
        }
        List<java.util.Optional<LastYear>> found = source.ofAll(asked.stream().map(projects::get).toList());
        for (int k = 0; k < asked.size(); k++) {
            out.set(asked.get(k), found.get(k).orElse(null));
        }
        return out;
    }

    private boolean needsLastYear(Project project) {
        return project.getYear() >= MIN_YEAR && project.getYear() <= MAX_YEAR
                && !YEAR_OVER_YEAR.stream().allMatch(r -> settings.severity(r, project.getYear()) == null);
    }

    private LastYearSource lastYearSource() {
        LastYearSource source = lastYearSource;
        if (source == null && lastYear != null) {
            source = lastYear.getIfAvailable();
            lastYearSource = source;
        }
        return source;
    }

    /** Nothing to look up when every year-over-year rule is off, or the table has no year yet. */
    private java.util.Optional<LastYear> lastYear(Project project) {
        LastYearSource source = lastYearSource();
        if (source == null || project.getYear() < MIN_YEAR || project.getYear() > MAX_YEAR
                || YEAR_OVER_YEAR.stream().allMatch(r -> settings.severity(r, project.getYear()) == null)) {
            return java.util.Optional.empty();
        }
        return source.of(project);
    }

    /**
     * The grading-band findings ({@code value.band.*}) of one banded indicator outside a project's table (a
     * department activity's): the same rules at the levels set for that fiscal year. The findings name the
     * indicator; their row index is 0, for the caller to replace.
     */
    public List<Finding> bandFindings(String indicatorName, GradeBands bands, int year) {
        if (bands == null) {
            return List.of();
        }
        Project carrier = new Project(year, indicatorName);
        Indicator indicator = new Indicator(null, null, indicatorName, null, null);
        indicator.setBands(bands);
        carrier.addIndicator(indicator);
        Run run = new Run(carrier);
        run.values(); // a banded row without 指标值: only the band rules speak
        return run.findings.stream().filter(f -> f.rule().startsWith("value.band.")).toList();
    }

    /** One validation of one project: the rows and the findings so far. */
    private final class Run {

        private final Project project;
        private final List<IndicatorRow> rows = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();

        Run(Project project) {
            this.project = project;
            for (int i = 0; i < project.getIndicators().size(); i++) {
                rows.add(new IndicatorRow(i, project.getIndicators().get(i)));
            }
        }

        // ---- project: name, unit, year -------------------------------------------------------------------

        void projectFields() {
            if (isBlank(project.getName())) {
                report(Rule.PROJECT_NAME_MISSING, "项目名称", "未填写项目名称");
            }
            if (project.getUnit() == null
                    || isBlank(project.getUnit().getName()) && isBlank(project.getUnit().getCode())) {
                report(Rule.PROJECT_UNIT_MISSING, "预算单位", "未填写预算单位");
            }
            int year = project.getYear();
            if (year == 0) {
                report(Rule.PROJECT_YEAR_MISSING, "预算年度", "未填写预算年度");
            } else if (year < MIN_YEAR || year > MAX_YEAR) {
                report(Rule.PROJECT_YEAR_OUT_OF_RANGE, "预算年度",
                        "预算年度“" + year + "”不在 " + MIN_YEAR + "–" + MAX_YEAR + " 之间");
            }
        }

        // ---- project: 预算数 = 财政资金 + 其他资金 --------------------------------------------------------------

        void funds() {
            BigDecimal budget = project.getBudget();
            BigDecimal fiscal = project.getFiscalFunds();
            BigDecimal other = project.getOtherFunds();
            notNegative(budget, "预算数");
            notNegative(fiscal, "财政资金");
            notNegative(other, "其他资金");
            if (budget == null) {
                report(Rule.PROJECT_BUDGET_MISSING, "预算数", "未填写预算数");
                return;
            }
            if (budget.signum() == 0 && isBlank(project.getBudgetNote())) {
                report(Rule.PROJECT_BUDGET_ZERO, "预算数",
                        "预算数为 0：如为对下转移支付或待分配资金，请在预算说明中写明原因");
            }
            if (fiscal == null && other == null) {
                return; // the table gives no split (e.g. Layout E): nothing to add up
            }
            BigDecimal sum = cents(orZero(fiscal).add(orZero(other)));
            if (sum.compareTo(cents(budget)) != 0) {
                report(Rule.PROJECT_FUNDS_SUM, "预算数",
                        "财政资金 " + amount(fiscal) + " 万元 + 其他资金 " + amount(other) + " 万元 = " + sum.toPlainString()
                                + " 万元，与预算数 " + amount(budget) + " 万元不符");
            }
        }

        private void notNegative(BigDecimal amount, String field) {
            if (amount != null && amount.signum() < 0) {
                report(Rule.PROJECT_AMOUNT_NEGATIVE, field, field + "为负数（" + amount(amount) + " 万元）");
            }
        }

        // ---- spending plan: months 1–12 increasing, percents 0–100 cumulative, last = 100 ----------------------

        void spendingPlan() {
            List<SpendingPlanEntry> plan = project.getSpendingPlan();
            if (plan == null || plan.isEmpty()) {
                return; // optional
            }
            SpendingPlanEntry previous = null;
            BigDecimal previousPercent = null;
            String previousLabel = null;
            for (SpendingPlanEntry e : plan) {
                String label = e.getMonth() + "月底";
                if (e.getMonth() < 1 || e.getMonth() > 12) {
                    report(Rule.PLAN_MONTH_INVALID, "资金支出计划", "资金支出计划的月份“" + e.getMonth() + "”不在 1–12 之间");
                } else {
                    if (previous != null && e.getMonth() <= previous.getMonth()) {
                        report(Rule.PLAN_MONTH_ORDER, "资金支出计划",
                                "资金支出计划的月份须逐期递增：" + previous.getMonth() + "月底之后是" + label);
                    }
                    previous = e; // an invalid month is reported once, not again against the next one
                }
                BigDecimal percent = e.getCumulativePercent();
                if (percent == null) {
                    report(Rule.PLAN_PERCENT_MISSING, "资金支出计划", "资金支出计划" + label + "未填写累计支出比例");
                } else if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                    report(Rule.PLAN_PERCENT_RANGE, "资金支出计划",
                            "资金支出计划" + label + "的累计支出比例 " + percent(percent) + " 超出 0–100% 范围");
                } else {
                    if (previousPercent != null && percent.compareTo(previousPercent) < 0) {
                        report(Rule.PLAN_NOT_CUMULATIVE, "资金支出计划",
                                "资金支出计划应为累计比例，逐期不减：" + label + "的 " + percent(percent) + " 低于"
                                        + previousLabel + "的 " + percent(previousPercent));
                    }
                    previousPercent = percent;
                    previousLabel = label;
                }
            }
            SpendingPlanEntry last = plan.get(plan.size() - 1);
            BigDecimal lastPercent = last.getCumulativePercent();
            if (lastPercent != null && lastPercent.signum() >= 0 && lastPercent.compareTo(HUNDRED) < 0) {
                report(Rule.PLAN_LAST_NOT_100, "资金支出计划",
                        "资金支出计划最后一期（" + last.getMonth() + "月底）累计支出比例应为 100%，实为 " + percent(lastPercent));
            }
        }

        // ---- structure: 一级/二级 of each row, and the 一级 every table needs -----------------------------------

        void structure() {
            boolean output = false;
            boolean benefit = false;
            boolean satisfaction = false;
            boolean cost = false;
            for (IndicatorRow r : rows) {
                String level1 = r.level1();
                if (level1 == null) {
                    unknownLevel1(r);
                } else {
                    level2Belongs(r, level1);
                }
                output |= IndicatorFramework.OUTPUT.equals(level1);
                benefit |= IndicatorFramework.BENEFIT.equals(level1);
                satisfaction |= IndicatorFramework.SATISFACTION.equals(level1);
                cost |= r.isCost();
            }
            requireLevel1(output, Rule.STRUCTURE_OUTPUT_MISSING, IndicatorFramework.OUTPUT, "至少须有一个");
            requireLevel1(benefit, Rule.STRUCTURE_BENEFIT_MISSING, IndicatorFramework.BENEFIT, "至少须有一个");
            requireLevel1(satisfaction, Rule.STRUCTURE_SATISFACTION_MISSING, IndicatorFramework.SATISFACTION,
                    "原则上应设置");
            if (!cost) {
                add(Rule.STRUCTURE_COST_MISSING, IndicatorFramework.COST, null,
                        "缺少成本指标：应设成本指标（一级成本指标，或产出指标下的二级成本指标）");
            }
        }

        private void requireLevel1(boolean present, Rule rule, String level1, String why) {
            if (!present) {
                add(rule, level1, null, "缺少" + level1 + "：" + why + level1);
            }
        }

        private void unknownLevel1(IndicatorRow r) {
            String raw = r.indicator().getLevel1();
            if (isBlank(raw)) {
                report(Rule.STRUCTURE_LEVEL1_MISSING, r, r.label() + "未填写一级指标");
            } else {
                report(Rule.STRUCTURE_LEVEL1_UNKNOWN, r, r.label() + "的一级指标“" + raw.strip() + "”不在指标体系中（应为"
                        + String.join("、", IndicatorFramework.level1Names()) + "之一）");
            }
        }

        private void level2Belongs(IndicatorRow r, String level1) {
            String raw = r.indicator().getLevel2();
            if (isBlank(raw)) {
                report(Rule.STRUCTURE_LEVEL2_MISSING, r, r.label() + "未填写二级指标");
            } else if (IndicatorFramework.level2(raw) == null) {
                report(Rule.STRUCTURE_LEVEL2_UNKNOWN, r, r.label() + "的二级指标“" + raw.strip() + "”不在指标体系中（" + level1
                        + "下应为" + String.join("、", IndicatorFramework.level2Names(level1)) + "之一）");
            } else if (!IndicatorFramework.belongsTo(level1, raw)) {
                report(Rule.STRUCTURE_LEVEL2_MISMATCH, r, r.label() + "的二级指标“" + raw.strip() + "”不属于一级指标“" + level1
                        + "”（" + level1 + "下应为" + String.join("、", IndicatorFramework.level2Names(level1)) + "之一）");
            }
        }

        // ---- 三级 names: present, unique (ignoring spaces), ≤ 100 characters -----------------------------------

        void names() {
            Map<String, IndicatorRow> seen = new HashMap<>();
            for (IndicatorRow r : rows) {
                String name = r.name();
                if (name == null) {
                    report(Rule.INDICATOR_NAME_MISSING, r, r.rowLabel() + "未填写三级指标名称");
                    continue;
                }
                int length = name.codePointCount(0, name.length());
                if (length > MAX_NAME_LENGTH) {
                    report(Rule.INDICATOR_NAME_TOO_LONG, r, "指标“" + abbreviate(name) + "”的三级指标名称长 " + length
                            + " 字，超过 " + MAX_NAME_LENGTH + " 字");
                }
                IndicatorRow first = seen.putIfAbsent(r.compactName(), r);
                if (first != null) {
                    report(Rule.INDICATOR_NAME_DUPLICATE, r, "三级指标“" + name + "”重复：" + first.rowLabel() + "与"
                            + r.rowLabel() + "同名");
                }
            }
        }

        // ---- values -----------------------------------------------------------------------------------------

        void values() {
            int qualitative = 0;
            for (IndicatorRow r : rows) {
                TargetValue v = r.value();
                GradeBands bands = r.indicator().getBands();
                if (bands != null) {
                    bands(r, bands);
                }
                if (isMissing(v)) {
                    if (bands == null) { // the bands are the target of a banded indicator
                        report(Rule.VALUE_MISSING, r, r.label() + "未填写指标值");
                    }
                    continue;
                }
                if (v.getKind() == ValueKind.QUALITATIVE) {
                    qualitative++;
                }
                if (!parsed(r, v)) {
                    continue;
                }
                if (v.isQuantitative()) {
                    quantity(r, v);
                }
                operator(r, v);
            }
            if (!rows.isEmpty() && qualitative * 2 > rows.size()) {
                report(Rule.VALUES_MOSTLY_QUALITATIVE, "指标值", null, rows.size() + " 个指标中有 " + qualitative
                        + " 个为定性指标，超过一半：绩效指标应以定量为主");
            }
        }

        /**
         * Each band reads as a value (a number with its operator, a date, or words), and numeric bands run one way:
         * 优 ≥ 良 ≥ 中 ≥ 差 when more is better (the 优 band above the 差 band, or written with ≥/&gt;), 优 ≤ 良 ≤ 中 ≤ 差
         * otherwise. Bands left blank (some tables grade with two) are not checked.
         */
        private void bands(IndicatorRow r, GradeBands bands) {
            String[] labels = {"优", "良", "中", "差"};
            String[] texts = {bands.getExcellent(), bands.getGood(), bands.getFair(), bands.getPoor()};
            int year = project.getYear() >= MIN_YEAR ? project.getYear() : java.time.Year.now().getValue();
            List<TargetValue> numbers = new ArrayList<>();
            List<String> numberLabels = new ArrayList<>();
            boolean allRead = true;
            boolean anyWords = false;
            for (int i = 0; i < texts.length; i++) {
                if (isBlank(texts[i])) {
                    continue;
                }
                TargetValue band = TargetValueParser.parse(texts[i].strip(), year);
                boolean read = band != null && band.getKind() != null && switch (band.getKind()) {
                    case QUANTITATIVE -> band.getNumber() != null;
                    case DEADLINE -> band.getDeadline() != null;
                    case QUALITATIVE -> !looksMeasurable(band.getText());
                };
                if (!read) {
                    allRead = false;
                    report(Rule.VALUE_BAND_UNPARSED, r, r.label() + "的“" + labels[i] + "”档“" + texts[i].strip()
                            + "”未能识别：写作“运算符 数值 单位”（如“≥90%”），或写文字（如“及时”）");
                } else if (band.isQuantitative()) {
                    numbers.add(band);
                    numberLabels.add(labels[i]);
                } else {
                    anyWords = true;
                }
            }
            if (!allRead || anyWords || numbers.size() < 2) {
                return;
            }
            BigDecimal first = numbers.get(0).getNumber();
            BigDecimal last = numbers.get(numbers.size() - 1).getNumber();
            Operator op = numbers.get(0).getOperator();
            boolean higherIsBetter = first.compareTo(last) != 0 ? first.compareTo(last) > 0
                    : op == null || op.isLowerBound();
            for (int i = 1; i < numbers.size(); i++) {
                int c = numbers.get(i - 1).getNumber().compareTo(numbers.get(i).getNumber());
                if (higherIsBetter ? c < 0 : c > 0) {
                    report(Rule.VALUE_BAND_ORDER, r, r.label() + "的等级档次方向不一致：“" + numberLabels.get(i - 1) + "”档 "
                            + numbers.get(i - 1).getText().strip() + "，“" + numberLabels.get(i) + "”档 "
                            + numbers.get(i).getText().strip() + "（" + (higherIsBetter ? "越高越好时应为 优 ≥ 良 ≥ 中 ≥ 差"
                            : "越低越好时应为 优 ≤ 良 ≤ 中 ≤ 差") + "）");
                    return;
                }
            }
        }

        private boolean isMissing(TargetValue v) {
            return v == null || isBlank(v.getText()) && v.getNumber() == null && v.getDeadline() == null;
        }

        /** Whether the value was read into what its kind needs; reports {@code value.unparsed} when not. */
        private boolean parsed(IndicatorRow r, TargetValue v) {
            boolean ok = v.getKind() != null && switch (v.getKind()) {
                case QUANTITATIVE -> v.getNumber() != null;
                case DEADLINE -> v.getDeadline() != null;
                case QUALITATIVE -> !looksMeasurable(v.getText());
            };
            if (!ok) {
                report(Rule.VALUE_UNPARSED, r, r.label() + "的指标值“" + r.valueText()
                        + "”未能识别：定量指标值写作“运算符 数值 单位”（如“≥90%”“≤8000元/人”），时限写作“≤10月31日”，定性指标值写文字");
            }
            return ok;
        }

        private void quantity(IndicatorRow r, TargetValue v) {
            if (isBlank(v.getUnit())) {
                report(Rule.VALUE_UNIT_MISSING, r, r.label() + "的指标值“" + r.valueText() + "”缺少计量单位");
            }
            if (v.isPercent()) {
                rate(r, v);
            }
            BigDecimal budget = project.getBudget();
            if (r.isCost() && v.getUnit() != null && WAN_YUAN.equals(v.getUnit().strip())
                    && budget != null && largest(v).compareTo(budget) > 0) {
                // With a 预算数 of 0 (funds allocated later) every cost is "above" it: that follows from the
                // budget, already reported, and is no defect of the indicator.
                report(budget.signum() > 0 ? Rule.VALUE_COST_OVER_BUDGET : Rule.VALUE_COST_OVER_ZERO_BUDGET, r,
                        "成本" + r.label() + "的指标值“" + r.valueText() + "”超过项目预算数 " + amount(budget) + " 万元");
            }
        }

        private void rate(IndicatorRow r, TargetValue v) {
            if (outside0to100(v.getNumber()) || outside0to100(v.getUpperNumber())) {
                report(Rule.VALUE_RATE_RANGE, r, r.label() + "的指标值“" + r.valueText() + "”超出 0–100% 范围");
            } else if (v.getOperator() == Operator.LE && v.getNumber().compareTo(HUNDRED) == 0) {
                report(Rule.VALUE_RATE_LE100, r, r.label() + "的指标值“" + r.valueText()
                        + "”对比率不构成约束（比率总是不超过 100%），请核对运算符");
            }
        }

        /** 满意度/准确率/完成率 … with ≤ or <, 成本 with ≥ or >: probably the wrong way round. */
        private void operator(IndicatorRow r, TargetValue v) {
            Operator op = v.getOperator();
            if (op == null) {
                return;
            }
            if (op.isUpperBound() && r.isMoreBetter()) {
                report(Rule.VALUE_OPERATOR_SUSPICIOUS, r, r.label() + "越高越好，指标值“" + r.valueText() + "”却用了“"
                        + op.symbol() + "”，请核对运算符（一般用“≥”）");
            } else if (op.isLowerBound() && r.isCost()) {
                report(Rule.VALUE_OPERATOR_SUSPICIOUS, r, "成本" + r.label() + "的指标值“" + r.valueText() + "”用了“"
                        + op.symbol() + "”，成本指标一般用“≤”，请核对运算符");
            }
        }

        // ---- weights ----------------------------------------------------------------------------------------

        void weights() {
            if (rows.stream().allMatch(r -> r.indicator().getWeight() == null)) {
                return; // a table without weights gets the default split when scored
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (IndicatorRow r : rows) {
                BigDecimal w = r.indicator().getWeight();
                boolean budgetExecution = BUDGET_EXECUTION.equals(r.compactName());
                if (w == null) {
                    report(Rule.WEIGHT_MISSING, r, r.label() + "未填写分值权重（其他指标已填写）");
                } else if (w.signum() <= 0) {
                    report(Rule.WEIGHT_NON_POSITIVE, r, r.label() + "的分值权重 " + number(w) + " 应大于 0");
                } else if (budgetExecution && w.compareTo(settings.budgetExecutionWeight()) != 0) {
                    report(Rule.WEIGHT_BUDGET_EXECUTION, r, r.label() + "的分值权重 " + number(w) + " 应为 "
                            + number(settings.budgetExecutionWeight()));
                }
                if (w != null && !budgetExecution) {
                    sum = sum.add(w);
                }
            }
            if (sum.compareTo(settings.indicatorWeightTotal()) != 0) {
                report(Rule.WEIGHT_SUM, "分值权重", "指标分值权重合计为 " + number(sum) + "，应为 "
                        + number(settings.indicatorWeightTotal()) + "（预算执行率另计 "
                        + number(settings.budgetExecutionWeight()) + " 分）");
            }
        }

        // ---- year over year (docs/year-over-year.md) ----------------------------------------------------------

        void yearOverYear(LastYear last) {
            new YearOverYear(project, rows, last, new YearOverYear.Report() {
                @Override
                public void add(Rule rule, String field, Integer index, String message) {
                    Run.this.add(rule, field, index, message);
                }

                @Override
                public boolean on(Rule rule) {
                    return settings.severity(rule, project.getYear()) != null;
                }
            }).check();
        }

        // ---- reporting findings -----------------------------------------------------------------------------

        private void report(Rule rule, IndicatorRow r, String message) {
            add(rule, r.field(), r.index(), message);
        }

        private void report(Rule rule, String field, String message) {
            add(rule, field, null, message);
        }

        private void report(Rule rule, String field, Integer index, String message) {
            add(rule, field, index, message);
        }

        /** The finding at the level the rule has for this table's year (its default unless a province set it). */
        private void add(Rule rule, String field, Integer index, String message) {
            Severity severity = settings.severity(rule, project.getYear());
            if (severity != null) {
                findings.add(new Finding(severity, rule.code(), field, index, message));
            }
        }
    }

    // ---- small helpers ------------------------------------------------------------------------------------

    static boolean looksMeasurable(String text) {
        return text != null && LOOKS_MEASURABLE.matcher(text).find();
    }

    private static boolean outside0to100(BigDecimal n) {
        return n != null && (n.signum() < 0 || n.compareTo(HUNDRED) > 0);
    }

    private static BigDecimal largest(TargetValue v) {
        return v.getUpperNumber() != null ? v.getNumber().max(v.getUpperNumber()) : v.getNumber();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static BigDecimal orZero(BigDecimal n) {
        return n == null ? BigDecimal.ZERO : n;
    }

    /** 万元 to two decimals, as the tables write amounts. */
    private static BigDecimal cents(BigDecimal n) {
        return n.setScale(2, RoundingMode.HALF_UP);
    }

    private static String amount(BigDecimal n) {
        return cents(orZero(n)).toPlainString();
    }

    private static String percent(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString() + "%";
    }

    private static String number(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String abbreviate(String name) {
        return name.codePointCount(0, name.length()) <= 20 ? name
                : name.substring(0, name.offsetByCodePoints(0, 20)) + "…";
    }
}
