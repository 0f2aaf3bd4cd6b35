package org.openperf.departments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.GradeBands;

/**
 * Reads a {@link DepartmentTargetForm} into the rows a table stores, refusing what cannot be stored as sent: a
 * missing list, an indicator without a name, a band keyed other than 优/良/中/差, a text longer than its column
 * (V40__department_targets.sql, the limits the import checks) or more rows than a table has room for. Each problem
 * names its field and row (第3个活动第2个指标：指标名称不能为空); all are reported at once and nothing is stored.
 * Whether the content is right (bands that parse and run one way, every activity with indicators) is not asked
 * here: those are the checks' findings, and a draft may be saved with them.
 */
final class DepartmentTargetInput {

    static final int MAX_GOALS = 50;
    static final int MAX_ACTIVITIES = 300;
    static final int MAX_INDICATORS_PER_ACTIVITY = 100;
    static final int MAX_INDICATORS = 3000;
    /** How many problems the message spells out; {@code details} has them all. */
    private static final int MESSAGE_PROBLEMS = 5;
    private static final List<String> BANDS = List.of("优", "良", "中", "差");

    record Content(String overallGoal, BigDecimal totalBudget, List<DepartmentGoal> goals,
                   List<DepartmentActivity> activities) {
    }

    private final List<String> problems = new ArrayList<>();

    private DepartmentTargetInput() {
    }

    static Content read(DepartmentTargetForm form) {
        DepartmentTargetInput in = new DepartmentTargetInput();
        Content content = in.content(form);
        if (!in.problems.isEmpty()) {
            List<String> p = in.problems;
            String message = p.size() == 1 ? p.get(0)
                    : "有 " + p.size() + " 处无法保存：" + String.join("；", p.subList(0, Math.min(p.size(), MESSAGE_PROBLEMS)))
                    + (p.size() > MESSAGE_PROBLEMS ? "；……" : "");
            throw new InvalidInputException(message, p);
        }
        return content;
    }

    private Content content(DepartmentTargetForm form) {
        if (form == null) {
            problems.add("请求内容为空：应为整张部门整体绩效目标（overallGoal、totalBudget、goals、activities、version）");
            return null;
        }
        String overall = text("总体绩效目标", form.overallGoal(), 10000);
        BigDecimal budget = amount("预算总额（万元）", form.totalBudget(), 12, 6);
        List<DepartmentGoal> goals = new ArrayList<>();
        if (form.goals() == null) {
            problems.add("缺少分项绩效目标 goals（没有时请给空数组 []）");
        } else if (form.goals().size() > MAX_GOALS) {
            problems.add("分项绩效目标有 " + form.goals().size() + " 个，最多 " + MAX_GOALS + " 个");
        } else {
            for (int g = 0; g < form.goals().size(); g++) {
                DepartmentTargetForm.GoalInput in = form.goals().get(g);
                String where = "第" + (g + 1) + "个分项绩效目标";
                if (in == null) {
                    problems.add(where + "为空");
                    continue;
                }
                goals.add(new DepartmentGoal(text(where + "：标题", in.title(), 500),
                        text(where + "：绩效目标", in.goal(), 10000), text(where + "：绩效指标", in.indicators(), 10000)));
            }
        }
        List<DepartmentActivity> activities = new ArrayList<>();
        if (form.activities() == null) {
            problems.add("缺少活动 activities（没有时请给空数组 []）");
        } else if (form.activities().size() > MAX_ACTIVITIES) {
            problems.add("活动有 " + form.activities().size() + " 个，最多 " + MAX_ACTIVITIES + " 个");
        } else {
            int total = 0;
            for (int k = 0; k < form.activities().size(); k++) {
                DepartmentActivity a = activity(k, form.activities().get(k));
                if (a != null) {
                    activities.add(a);
                    total += a.getIndicators().size();
                }
            }
            if (total > MAX_INDICATORS) {
                problems.add("绩效指标共 " + total + " 个，最多 " + MAX_INDICATORS + " 个");
            }
        }
        return new Content(overall, budget, goals, activities);
    }

    private DepartmentActivity activity(int k, DepartmentTargetForm.ActivityInput in) {
        String where = "第" + (k + 1) + "个活动";
        if (in == null) {
            problems.add(where + "为空");
            return null;
        }
        String name = text(where + "：活动名称", in.name(), 500);
        if (name == null) {
            problems.add(where + "：活动名称不能为空");
        }
        Integer year = in.budgetYear();
        if (year != null && (year < 1900 || year > 2999)) {
            problems.add(where + "：预算年度 " + year + " 不是有效的年份");
            year = null;
        }
        DepartmentActivity a = new DepartmentActivity(text(where + "：活动编码", in.code(), 50), name,
                text(where + "：活动描述", in.description(), 10000), year, text(where + "：绩效目标", in.goal(), 10000));
        if (in.indicators() == null) {
            return a; // an activity without indicators is the check's finding, not a refusal
        }
        if (in.indicators().size() > MAX_INDICATORS_PER_ACTIVITY) {
            problems.add(where + "有 " + in.indicators().size() + " 个绩效指标，最多 " + MAX_INDICATORS_PER_ACTIVITY + " 个");
            return a;
        }
        for (int i = 0; i < in.indicators().size(); i++) {
            DepartmentTargetForm.IndicatorInput ind = in.indicators().get(i);
            String at = where + "第" + (i + 1) + "个指标";
            if (ind == null) {
                problems.add(at + "为空");
                continue;
            }
            String indicatorName = text(at + "：指标名称", ind.name(), 500);
            if (indicatorName == null) {
                problems.add(at + "：指标名称不能为空");
            }
            a.addIndicator(new ActivityIndicator(indicatorName == null ? "" : indicatorName,
                    text(at + "：指标描述", ind.description(), 2000), weight(at, ind.weight()), bands(at, ind.bands())));
        }
        return a;
    }

    private BigDecimal weight(String at, BigDecimal weight) {
        return amount(at + "：权重", weight, 5, 4);
    }

    private GradeBands bands(String at, Map<String, String> bands) {
        if (bands == null) {
            return null;
        }
        for (String key : bands.keySet()) {
            if (!BANDS.contains(key)) {
                problems.add(at + "：评分档只能是 优、良、中、差，不能是“" + key + "”");
            }
        }
        String[] t = new String[BANDS.size()];
        for (int b = 0; b < t.length; b++) {
            t[b] = text(at + "：评分档（" + BANDS.get(b) + "）", bands.get(BANDS.get(b)), 200);
        }
        GradeBands g = new GradeBands(t[0], t[1], t[2], t[3]);
        return g.isEmpty() ? null : g;
    }

    /** The text as stored: surrounding blanks dropped, blank as none; a longer one than its column is a problem. */
    private String text(String what, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            problems.add(what + "长 " + v.length() + " 字，超过可保存的 " + max + " 字上限");
        }
        return v;
    }

    private BigDecimal amount(String what, BigDecimal value, int digits, int scale) {
        if (value == null) {
            return null;
        }
        if (value.abs().compareTo(BigDecimal.TEN.pow(digits)) >= 0) {
            problems.add(what + " " + value.toPlainString() + " 超出可保存的范围（整数部分最多 " + digits + " 位）");
        } else if (value.stripTrailingZeros().scale() > scale) {
            problems.add(what + " " + value.toPlainString() + " 的小数超过 " + scale + " 位");
        } else if (value.signum() < 0) {
            problems.add(what + "不能为负数");
        }
        return value;
    }
}
