package org.openperf.validation;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openperf.targets.IndicatorFramework;
import org.openperf.targets.Operator;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectNames;
import org.openperf.targets.TargetValue;

/**
 * The year-over-year rules ({@code yoy.*}, docs/year-over-year.md): this year's table against last year's results of
 * the project it continues. Indicators are matched by hand where someone linked them, else by their 三级 name
 * normalised like project names; an indicator without a match is new.
 */
final class YearOverYear {

    /** Last year's actual beat an unchanged target by more than this share: the target should have moved. */
    private static final BigDecimal BEAT_ABOVE = new BigDecimal("1.2");
    private static final BigDecimal BEAT_BELOW = new BigDecimal("0.8");
    /** A score below this share of the weight is a shortfall worth replacing, not dropping. */
    private static final BigDecimal WEAK_SHARE = new BigDecimal("0.6");
    private static final Set<String> WEAK_GRADES = Set.of("中", "差");

    interface Report {
        void add(Rule rule, String field, Integer index, String message);

        boolean on(Rule rule);
    }

    private final Project project;
    private final List<IndicatorRow> rows;
    private final LastYear last;
    private final Report report;

    YearOverYear(Project project, List<IndicatorRow> rows, LastYear last, Report report) {
        this.project = project;
        this.rows = rows;
        this.last = last;
        this.report = report;
    }

    void check() {
        Map<String, LastYear.Row> lastByName = new HashMap<>();
        for (LastYear.Row r : last.indicators()) {
            lastByName.putIfAbsent(ProjectNames.normalise(r.name()), r);
        }
        Set<String> matched = new HashSet<>();
        Set<String> level2WithNew = new HashSet<>();
        for (IndicatorRow r : rows) {
            String name = ProjectNames.normalise(r.name());
            // A hand link names last year's indicator where the name changed; else the same name.
            String lastName = last.handLinks().getOrDefault(name, name);
            LastYear.Row before = lastName.isEmpty() ? null : lastByName.get(lastName);
            if (before == null) {
                level2WithNew.add(level2(r.indicator().getLevel2()));
                continue;
            }
            matched.add(lastName);
            targets(r, before);
        }
        dropped(matched, level2WithNew);
        budget();
    }

    private void targets(IndicatorRow r, LastYear.Row before) {
        TargetValue v = r.value();
        if (v == null || !v.isQuantitative() || v.getNumber() == null || v.getOperator() == null
                || before.actual() == null || !sameUnit(v.getUnit(), actualUnit(before))) {
            return; // only numeric targets compare with a numeric actual in the same unit
        }
        Operator op = v.getOperator();
        BigDecimal target = v.getNumber();
        BigDecimal actual = before.actual();
        if (!op.isLowerBound() && !op.isUpperBound()) {
            return;
        }
        TargetValue old = before.target();
        boolean unchanged = old != null && old.getNumber() != null && old.getOperator() == op
                && old.getNumber().compareTo(target) == 0 && sameUnit(old.getUnit(), v.getUnit())
                && (op.isLowerBound() ? actual.compareTo(target.multiply(BEAT_ABOVE)) > 0
                        : actual.compareTo(target.multiply(BEAT_BELOW)) < 0);
        // The unchanged target is the more telling finding; the other speaks when a province turned it off.
        if (unchanged && report.on(Rule.YOY_TARGET_UNCHANGED)) {
            report.add(Rule.YOY_TARGET_UNCHANGED, r.field(), r.index(), r.label() + "的指标值“" + r.valueText()
                    + "”与上年相同，而" + lastActual(before) + (op.isLowerBound() ? "超出目标 20% 以上" : "低于目标 20% 以上")
                    + "：目标未随上年完成情况调整");
            return;
        }
        boolean looser = op.isLowerBound() ? target.compareTo(actual) < 0 : target.compareTo(actual) > 0;
        if (looser) {
            report.add(Rule.YOY_TARGET_BELOW_ACTUAL, r.field(), r.index(), r.label() + "的指标值“" + r.valueText()
                    + "”" + (op.isLowerBound() ? "低于" : "高于") + lastActual(before) + "：目标比上年实际完成情况更宽松");
        }
    }

    /** A weak indicator of last year dropped while its 二级 got nothing new in its place. */
    private void dropped(Set<String> matched, Set<String> level2WithNew) {
        for (LastYear.Row before : last.indicators()) {
            String name = ProjectNames.normalise(before.name());
            if (name.isEmpty() || matched.contains(name) || before.weight() == null || before.score() == null
                    || before.weight().signum() <= 0
                    || before.score().compareTo(before.weight().multiply(WEAK_SHARE)) >= 0
                    || level2WithNew.contains(level2(before.level2()))) {
                continue;
            }
            String level2 = level2(before.level2());
            report.add(Rule.YOY_INDICATOR_DROPPED, before.name().strip(), null, "上年（" + last.year() + "年）指标“"
                    + before.name().strip() + "”得分 " + plain(before.score()) + "（分值 " + plain(before.weight())
                    + "，" + last.source() + "），低于分值的 60%，今年已删除，且" + (level2.isEmpty() ? "同一二级指标"
                    : "“" + level2 + "”") + "下没有新增指标替代");
        }
    }

    private void budget() {
        BigDecimal now = project.getBudget();
        if (last.grade() == null || !WEAK_GRADES.contains(last.grade().strip()) || now == null
                || last.budget() == null || now.compareTo(last.budget()) <= 0) {
            return;
        }
        report.add(Rule.YOY_GRADE_BUDGET_UP, "预算数", null, "上年（" + last.year() + "年）" + last.source() + "等级为“"
                + last.grade().strip() + "”，今年预算数 " + plain(now) + " 万元高于上年 " + plain(last.budget())
                + " 万元（结果应用：评价结果为中、差的项目原则上不增加预算，请说明理由）");
    }

    private String lastActual(LastYear.Row before) {
        String unit = actualUnit(before);
        return "上年（" + last.year() + "年）实际完成值 " + plain(before.actual()) + (unit == null ? "" : unit) + "（"
                + last.source() + "）";
    }

    private static String actualUnit(LastYear.Row r) {
        if (r.actualUnit() != null && !r.actualUnit().isBlank()) {
            return r.actualUnit().strip();
        }
        return r.target() == null ? null : r.target().getUnit();
    }

    private static boolean sameUnit(String a, String b) {
        return unit(a).equals(unit(b));
    }

    /** 万 元 and 万元, ％ and %, 百分比 and % are one unit. */
    private static String unit(String u) {
        if (u == null) {
            return "";
        }
        String s = Normalizer.normalize(u, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return "百分比".equals(s) ? "%" : s;
    }

    private static String level2(String raw) {
        if (raw == null) {
            return "";
        }
        String canonical = IndicatorFramework.level2(raw);
        return canonical != null ? canonical : IndicatorRow.compact(raw);
    }

    private static String plain(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }
}
