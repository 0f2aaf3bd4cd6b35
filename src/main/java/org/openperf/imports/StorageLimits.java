package org.openperf.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openperf.departments.ActivityIndicator;
import org.openperf.departments.DepartmentActivity;
import org.openperf.departments.DepartmentGoal;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.targets.GradeBands;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.targets.SpendingPlanEntry;
import org.openperf.targets.TargetValue;

/**
 * What the database can hold (the column sizes of V1__target_tables.sql): a table with a longer text or a bigger
 * number than its column takes would fail inside the insert as a 500 and leave the user guessing. Each excess is
 * an ERROR naming the field, its size and its place, so the file is refused whole with every such problem.
 */
final class StorageLimits {

    private StorageLimits() {
    }

    static List<ImportProblem> check(ImportedTable t) {
        List<ImportProblem> out = new ArrayList<>();
        Project p = t.project();
        SourceRef at = t.where();
        String project = "项目“" + shorten(p.getName()) + "”";
        text(out, at, project + "的单位编码", t.unitCode(), 20);
        text(out, at, project + "的单位名称", t.unitName(), 200);
        text(out, at, project + "的主管部门", t.departmentName(), 200);
        text(out, at, "项目名称", p.getName(), 500);
        text(out, at, project + "的项目编码", p.getCode(), 50);
        text(out, at, project + "的项目类别", p.getCategory(), 100);
        text(out, at, project + "的预算说明", p.getBudgetNote(), 1000);
        text(out, at, project + "的资金用途", p.getPurpose(), 10000);
        text(out, at, project + "的绩效目标", p.getGoal(), 10000);
        amount(out, at, project + "的预算数", p.getBudget(), 12);
        amount(out, at, project + "的财政资金", p.getFiscalFunds(), 12);
        amount(out, at, project + "的其他资金", p.getOtherFunds(), 12);
        for (SpendingPlanEntry e : p.getSpendingPlan()) {
            amount(out, at, project + "的资金支出计划", e.getCumulativePercent(), 5);
        }
        List<Indicator> indicators = p.getIndicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            SourceRef row = t.indicatorRefs() != null && i < t.indicatorRefs().size() ? t.indicatorRefs().get(i) : at;
            String what = project + "的指标“" + shorten(ind.getName()) + "”";
            text(out, row, project + "的一级指标", ind.getLevel1(), 50);
            text(out, row, project + "的二级指标", ind.getLevel2(), 50);
            text(out, row, project + "的三级指标名称", ind.getName(), 500);
            text(out, row, what + "的绩效指标描述", ind.getDescription(), 2000);
            text(out, row, what + "的指标值确定依据", ind.getBasis(), 2000);
            amount(out, row, what + "的权重", ind.getWeight(), 5);
            TargetValue v = ind.getValue();
            if (v != null) {
                text(out, row, what + "的指标值", v.getText(), 2000);
                text(out, row, what + "的计量单位", v.getUnit(), 100);
                amount(out, row, what + "的指标值", v.getNumber(), 14);
                amount(out, row, what + "的指标值上限", v.getUpperNumber(), 14);
            }
            GradeBands b = ind.getBands();
            if (b != null) {
                text(out, row, what + "的评分档（优）", b.getExcellent(), 200);
                text(out, row, what + "的评分档（良）", b.getGood(), 200);
                text(out, row, what + "的评分档（中）", b.getFair(), 200);
                text(out, row, what + "的评分档（差）", b.getPoor(), 200);
            }
        }
        return out;
    }

    /** A department table (V40__department_targets.sql). */
    static List<ImportProblem> check(DepartmentTableRead d) {
        List<ImportProblem> out = new ArrayList<>();
        DepartmentTargetTable t = d.table();
        SourceRef at = d.where();
        String table = "部门整体绩效目标";
        text(out, at, table + "的总体绩效目标", t.getOverallGoal(), 10000);
        amount(out, at, table + "的预算总额", t.getTotalBudget(), 12);
        for (DepartmentGoal g : t.getGoals()) {
            String what = table + "的分项绩效目标“" + shorten(g.getTitle()) + "”";
            text(out, at, what, g.getTitle(), 500);
            text(out, at, what + "的绩效目标", g.getGoal(), 10000);
            text(out, at, what + "的绩效指标", g.getIndicators(), 10000);
        }
        int row = 0;
        for (int k = 0; k < t.getActivities().size(); k++) {
            DepartmentActivity a = t.getActivities().get(k);
            SourceRef first = k < d.activityRefs().size() ? d.activityRefs().get(k) : at;
            String what = table + "的" + a.label();
            text(out, first, what + "的活动编码", a.getCode(), 50);
            text(out, first, what + "的活动名称", a.getName(), 500);
            text(out, first, what + "的活动描述", a.getDescription(), 10000);
            text(out, first, what + "的绩效目标", a.getGoal(), 10000);
            for (ActivityIndicator i : a.getIndicators()) {
                SourceRef r = row < d.indicatorRefs().size() ? d.indicatorRefs().get(row) : first;
                row++;
                String ind = what + "的指标“" + shorten(i.getName()) + "”";
                text(out, r, what + "的绩效指标名称", i.getName(), 500);
                text(out, r, ind + "的指标描述", i.getDescription(), 2000);
                amount(out, r, ind + "的权重", i.getWeight(), 5);
                GradeBands b = i.getBands();
                if (b != null) {
                    text(out, r, ind + "的评分档（优）", b.getExcellent(), 200);
                    text(out, r, ind + "的评分档（良）", b.getGood(), 200);
                    text(out, r, ind + "的评分档（中）", b.getFair(), 200);
                    text(out, r, ind + "的评分档（差）", b.getPoor(), 200);
                }
            }
        }
        return out;
    }

    private static void text(List<ImportProblem> out, SourceRef at, String what, String value, int max) {
        if (value != null && value.length() > max) {
            out.add(ImportProblem.error(at, what + "长 " + value.length() + " 字，超过可保存的 " + max + " 字上限"));
        }
    }

    /** {@code digits}: the integer digits the column holds (precision minus scale). */
    private static void amount(List<ImportProblem> out, SourceRef at, String what, BigDecimal value, int digits) {
        if (value != null && value.abs().compareTo(BigDecimal.TEN.pow(digits)) >= 0) {
            out.add(ImportProblem.error(at, what + " " + value.toPlainString() + " 超出可保存的范围（整数部分最多 "
                    + digits + " 位）"));
        }
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
