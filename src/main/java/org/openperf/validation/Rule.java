package org.openperf.validation;

import org.openperf.kernel.Severity;
import org.openperf.kernel.Finding;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every validation rule with its stable code and its default severity. The defaults are calibrated on published,
 * approved tables (DOMAIN.md, "Validation"): an ERROR is a defect a reviewer would send the table back for; what
 * approved tables commonly do is at most a WARNING. A province raises or lowers any rule with
 * {@code perf.validation.rules.<code>.severity} (and {@code .from-year}); docs/validation.md explains each.
 */
public enum Rule {
    PROJECT_NAME_MISSING("project.name.missing", Severity.ERROR),
    PROJECT_UNIT_MISSING("project.unit.missing", Severity.ERROR),
    PROJECT_YEAR_MISSING("project.year.missing", Severity.ERROR),
    PROJECT_YEAR_OUT_OF_RANGE("project.year.out-of-range", Severity.ERROR),
    PROJECT_AMOUNT_NEGATIVE("project.amount.negative", Severity.ERROR),
    PROJECT_BUDGET_MISSING("project.budget.missing", Severity.ERROR),
    /** 对下转移支付 and funds allocated later are published with 预算数 0. */
    PROJECT_BUDGET_ZERO("project.budget.zero", Severity.WARNING),
    PROJECT_FUNDS_SUM("project.funds.sum", Severity.ERROR),
    PLAN_MONTH_INVALID("plan.month.invalid", Severity.ERROR),
    PLAN_MONTH_ORDER("plan.month.order", Severity.ERROR),
    PLAN_PERCENT_MISSING("plan.percent.missing", Severity.ERROR),
    PLAN_PERCENT_RANGE("plan.percent.range", Severity.ERROR),
    PLAN_NOT_CUMULATIVE("plan.not-cumulative", Severity.ERROR),
    PLAN_LAST_NOT_100("plan.last.not-100", Severity.ERROR),
    STRUCTURE_LEVEL1_MISSING("structure.level1.missing", Severity.ERROR),
    STRUCTURE_LEVEL1_UNKNOWN("structure.level1.unknown", Severity.ERROR),
    STRUCTURE_LEVEL2_MISSING("structure.level2.missing", Severity.ERROR),
    STRUCTURE_LEVEL2_UNKNOWN("structure.level2.unknown", Severity.ERROR),
    STRUCTURE_LEVEL2_MISMATCH("structure.level2.mismatch", Severity.ERROR),
    STRUCTURE_OUTPUT_MISSING("structure.output.missing", Severity.ERROR),
    STRUCTURE_BENEFIT_MISSING("structure.benefit.missing", Severity.ERROR),
    /** "原则上应设置": transfer payments are published without one. */
    STRUCTURE_SATISFACTION_MISSING("structure.satisfaction.missing", Severity.WARNING),
    /** Approved 2024 tables (seed 003) have none; provinces that require it raise it from a year on. */
    STRUCTURE_COST_MISSING("structure.cost.missing", Severity.WARNING),
    INDICATOR_NAME_MISSING("indicator.name.missing", Severity.ERROR),
    INDICATOR_NAME_TOO_LONG("indicator.name.too-long", Severity.ERROR),
    INDICATOR_NAME_DUPLICATE("indicator.name.duplicate", Severity.ERROR),
    VALUE_MISSING("value.missing", Severity.ERROR),
    VALUE_UNPARSED("value.unparsed", Severity.ERROR),
    /** Counts are published as {@code ≥1}, {@code ≥3} under 数量指标. */
    VALUE_UNIT_MISSING("value.unit.missing", Severity.WARNING),
    VALUE_RATE_RANGE("value.rate.range", Severity.ERROR),
    VALUE_RATE_LE100("value.rate.le100", Severity.WARNING),
    VALUE_COST_OVER_BUDGET("value.cost.over-budget", Severity.ERROR),
    /** Follows from a 预算数 of 0: every cost is above it. */
    VALUE_COST_OVER_ZERO_BUDGET("value.cost.over-zero-budget", Severity.WARNING),
    VALUE_OPERATOR_SUSPICIOUS("value.operator.suspicious", Severity.WARNING),
    VALUES_MOSTLY_QUALITATIVE("values.mostly-qualitative", Severity.WARNING),
    /** A grading band (优/良/中/差) that cannot be read: the indicator cannot be graded by it. */
    VALUE_BAND_UNPARSED("value.band.unparsed", Severity.ERROR),
    /** Bands that do not run one way (优 ≥ 良 ≥ 中 ≥ 差, or all ≤): an actual would fall in two of them. */
    VALUE_BAND_ORDER("value.band.order", Severity.ERROR),
    /** A department table's activity with no indicator: nothing to monitor or evaluate it by. */
    ACTIVITY_INDICATORS_MISSING("activity.indicators.missing", Severity.ERROR),
    /** Two activities of one department table with the same 活动编码: monitoring and evaluation cannot tell them apart. */
    ACTIVITY_CODE_DUPLICATE("activity.code.duplicate", Severity.ERROR),
    WEIGHT_MISSING("weight.missing", Severity.ERROR),
    WEIGHT_NON_POSITIVE("weight.non-positive", Severity.ERROR),
    WEIGHT_BUDGET_EXECUTION("weight.budget-execution", Severity.ERROR),
    WEIGHT_SUM("weight.sum", Severity.ERROR),
    /** A target looser than last year's actual (docs/year-over-year.md). */
    YOY_TARGET_BELOW_ACTUAL("yoy.target.below-actual", Severity.WARNING),
    /** The same target as last year although last year's actual beat it by more than 20%. */
    YOY_TARGET_UNCHANGED("yoy.target.unchanged", Severity.WARNING),
    /** A weak indicator of last year dropped without anything new in its 二级. */
    YOY_INDICATOR_DROPPED("yoy.indicator.dropped", Severity.WARNING),
    /** 结果应用: last year's grade 中 or 差 and this year's budget rises. */
    YOY_GRADE_BUDGET_UP("yoy.grade.budget-up", Severity.WARNING);

    private static final Map<String, Rule> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Rule::code, Function.identity()));

    private final String code;
    private final Severity defaultSeverity;

    Rule(String code, Severity defaultSeverity) {
        this.code = code;
        this.defaultSeverity = defaultSeverity;
    }

    /** The stable id findings carry ({@link Finding#rule()}) and settings name. */
    public String code() {
        return code;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The rule with this code, or null. */
    public static Rule byCode(String code) {
        return BY_CODE.get(code);
    }
}
