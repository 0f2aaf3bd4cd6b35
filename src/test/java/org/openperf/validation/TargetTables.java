package org.openperf.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.openperf.targets.Department;
import org.openperf.targets.Indicator;
import org.openperf.targets.Operator;
import org.openperf.targets.Project;
import org.openperf.targets.SpendingPlanEntry;
import org.openperf.targets.TargetValue;
import org.openperf.targets.Unit;
import org.openperf.targets.ValueKind;

/** Target tables for validation tests, built without the parser: values are constructed as it would read them. */
final class TargetTables {

    static final int YEAR = 2024;

    private TargetTables() {
    }

    /**
     * A clean table: budget 100.00 = 80.00 + 20.00, a spending plan ending at 100, one indicator of every 一级
     * under the 2021 framework, one qualitative value in seven. Rows:
     * 0 培训人数 · 1 培训合格率 · 2 培训完成时间 · 3 人均培训成本 · 4 培训后就业率 · 5 长效培训机制 · 6 培训对象满意度.
     */
    static Project valid() {
        Project p = new Project(YEAR, "职业技能培训补贴");
        p.setUnit(new Unit("402001", "青岛市人力资源和社会保障局本级", new Department("402", "青岛市人力资源和社会保障局")));
        p.setBudget(amount("100.00"));
        p.setFiscalFunds(amount("80.00"));
        p.setOtherFunds(amount("20.00"));
        p.setSpendingPlan(plan(3, "30.00", 6, "60.00", 10, "90.00", 12, "100.00"));
        p.addIndicator(row("产出指标", "数量指标", "培训人数", quantity("≥", "200", "人")));
        p.addIndicator(row("产出指标", "质量指标", "培训合格率", quantity("≥", "90", "%")));
        p.addIndicator(row("产出指标", "时效指标", "培训完成时间", deadline("≤10月31日", LocalDate.of(YEAR, 10, 31))));
        p.addIndicator(row("成本指标", "经济成本指标", "人均培训成本", quantity("≤", "800", "元/人")));
        p.addIndicator(row("效益指标", "社会效益指标", "培训后就业率", quantity("≥", "80", "%")));
        p.addIndicator(row("效益指标", "可持续影响指标", "长效培训机制", TargetValue.qualitative("建立健全")));
        p.addIndicator(row("满意度指标", "服务对象满意度指标", "培训对象满意度", quantity("≥", "90", "%")));
        return p;
    }

    /**
     * The first project of the Huangyuan approval list (seed 003, layout E): split operator/value/unit columns,
     * shortened 二级 names, weights 20+15+15+30+10 = 90, and no 成本 indicator (as published).
     */
    static Project huangyuanPublicWelfareInsurance() {
        Project p = new Project(YEAR, "630123000 24T000000 269-公益性岗位社保补贴县配资金");
        p.setUnit(new Unit(null, "湟源县就业服务局（本级）", new Department(null, "湟源县人力资源和社会保障局")));
        p.setBudget(amount("4.00"));
        p.addIndicator(weighted(row("产出指标", "数量指标", "享受社会保险补贴人数", quantity("≥", "190", "人")), "20"));
        p.addIndicator(weighted(row("产出指标", "质量指标", "社会保险补贴发放准确率", quantity("≥", "98", "%")), "15"));
        p.addIndicator(weighted(row("产出指标", "时效指标", "社会保险补贴在规定时间内下达率", quantity("=", "100", "%")), "15"));
        p.addIndicator(weighted(row("效益指标", "社会效益", "公益性岗位人员就业率", quantity("≥", "95", "%")), "30"));
        p.addIndicator(weighted(row("满意度指标", "服务对象满意度", "享受公益性岗位社保补贴人员满意度",
                quantity("=", "100", "%")), "10"));
        return p;
    }

    static Indicator row(String level1, String level2, String name, TargetValue value) {
        return new Indicator(level1, level2, name, null, value);
    }

    static Indicator weighted(Indicator indicator, String weight) {
        indicator.setWeight(weight == null ? null : new BigDecimal(weight));
        return indicator;
    }

    /** A value as the parser reads {@code ≥90%}: operator, number, unit, text = their concatenation. */
    static TargetValue quantity(String operator, String number, String unit) {
        return new TargetValue(operator + number + (unit == null ? "" : unit), Operator.fromSymbol(operator),
                new BigDecimal(number), null, unit, ValueKind.QUANTITATIVE, null);
    }

    static TargetValue deadline(String text, LocalDate date) {
        return new TargetValue(text, Operator.LE, null, null, null, ValueKind.DEADLINE, date);
    }

    static BigDecimal amount(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    /** Pairs of month and cumulative percent: plan(3, "30", 12, "100"). */
    static List<SpendingPlanEntry> plan(Object... monthsAndPercents) {
        List<SpendingPlanEntry> plan = new ArrayList<>();
        for (int i = 0; i < monthsAndPercents.length; i += 2) {
            plan.add(new SpendingPlanEntry((Integer) monthsAndPercents[i],
                    amount((String) monthsAndPercents[i + 1])));
        }
        return plan;
    }

    /** The project's rows without those matching. */
    static Project without(Project p, Predicate<Indicator> drop) {
        List<Indicator> kept = new ArrayList<>(p.getIndicators());
        kept.removeIf(drop);
        p.replaceIndicators(kept);
        return p;
    }

    static Indicator at(Project p, int index) {
        return p.getIndicators().get(index);
    }
}
