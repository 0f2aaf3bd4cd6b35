package org.openperf.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openperf.targets.ProjectView;

/** What changed from one version of a target table to the next: project fields and indicators (by 一级/二级/三级). */
public final class VersionDiff {

    /** {@code kind}: added, removed or changed. */
    public record Change(String kind, String what, String before, String after) {
    }

    private VersionDiff() {
    }

    public static List<Change> between(ProjectView older, ProjectView newer) {
        List<Change> out = new ArrayList<>();
        field(out, "项目名称", older.name(), newer.name());
        field(out, "预算数（万元）", amount(older.budget()), amount(newer.budget()));
        field(out, "财政资金（万元）", amount(older.fiscalFunds()), amount(newer.fiscalFunds()));
        field(out, "其他资金（万元）", amount(older.otherFunds()), amount(newer.otherFunds()));
        field(out, "资金用途", older.purpose(), newer.purpose());
        field(out, "年度总体绩效目标", older.goal(), newer.goal());
        field(out, "资金支出计划", plan(older), plan(newer));
        Map<String, ProjectView.IndicatorView> before = byKey(older);
        Map<String, ProjectView.IndicatorView> after = byKey(newer);
        for (var e : after.entrySet()) {
            ProjectView.IndicatorView was = before.get(e.getKey());
            if (was == null) {
                out.add(new Change("added", e.getKey(), null, describe(e.getValue())));
            } else if (!describe(was).equals(describe(e.getValue()))) {
                out.add(new Change("changed", e.getKey(), describe(was), describe(e.getValue())));
            }
        }
        for (var e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                out.add(new Change("removed", e.getKey(), describe(e.getValue()), null));
            }
        }
        return out;
    }

    /** The keys of the indicators that differ from (or are not in) the older version. */
    public static List<String> changedIndicators(ProjectView older, ProjectView newer) {
        return between(older, newer).stream().filter(c -> !"removed".equals(c.kind()))
                .map(Change::what).filter(w -> w.contains(" / ")).toList();
    }

    public static String key(ProjectView.IndicatorView i) {
        return nz(i.level1()) + " / " + nz(i.level2()) + " / " + nz(i.name());
    }

    private static Map<String, ProjectView.IndicatorView> byKey(ProjectView v) {
        Map<String, ProjectView.IndicatorView> m = new LinkedHashMap<>();
        if (v.indicators() != null) {
            v.indicators().forEach(i -> m.putIfAbsent(key(i), i));
        }
        return m;
    }

    private static String describe(ProjectView.IndicatorView i) {
        String value = i.value() == null ? "" : nz(i.value().text());
        return "指标值 " + value + (i.description() == null ? "" : "；描述 " + i.description())
                + (i.weight() == null ? "" : "；权重 " + i.weight().toPlainString());
    }

    private static String plan(ProjectView v) {
        if (v.spendingPlan() == null || v.spendingPlan().isEmpty()) {
            return "";
        }
        return String.join(" · ", v.spendingPlan().stream()
                .map(r -> r.month() + "月底 " + r.cumulativePercent().toPlainString() + "%").toList());
    }

    private static void field(List<Change> out, String what, String before, String after) {
        if (!Objects.equals(nz(before), nz(after))) {
            out.add(new Change("changed", what, before, after));
        }
    }

    private static String amount(BigDecimal v) {
        return v == null ? null : ProjectView.amount(v).toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
