package org.openperf.departments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.openperf.kernel.DisplayTimes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openperf.targets.GradeBands;
import org.openperf.targets.ProjectView;

/**
 * A department table as the API gives it: the goals, the activities with their indicators, each indicator's bands
 * keyed 优, 良, 中, 差 (a blank band is absent), and the reviewer's findings placed on their rows. {@code version}
 * is what a save names as the one it read.
 */
public record DepartmentTargetView(Long id, DepartmentRef department, int year, String status, long version,
                                   String overallGoal, BigDecimal totalBudget, Long importId, int activityCount,
                                   int indicatorCount, String updatedBy, OffsetDateTime updatedAt,
                                   List<GoalView> goals, List<ActivityView> activities,
                                   List<DepartmentFinding> findings) {

    public record DepartmentRef(String code, String name) {
    }

    public record GoalView(String title, String goal, String indicators) {
    }

    public record ActivityView(String code, String name, String description, Integer budgetYear, String goal,
                               List<IndicatorView> indicators) {
    }

    public record IndicatorView(String name, String description, BigDecimal weight, Map<String, String> bands) {
    }

    /** One line of the list: which department and year, where it stands, how big it is. */
    public record Summary(Long id, DepartmentRef department, int year, String status, BigDecimal totalBudget,
                          int activityCount, int indicatorCount) {
    }

    static final String[] BAND_NAMES = {"优", "良", "中", "差"};

    static DepartmentTargetView of(DepartmentTargetTable t, List<DepartmentFinding> findings, DisplayTimes times) {
        return new DepartmentTargetView(t.getId(), ref(t), t.getYear(), t.getStatus().name(), t.getVersion(),
                t.getOverallGoal(), ProjectView.amount(t.getTotalBudget()), t.getImportId(), t.getActivities().size(),
                t.allIndicators().size(), t.getUpdatedBy(), times.offset(t.getUpdatedAt()),
                t.getGoals().stream().map(g -> new GoalView(g.getTitle(), g.getGoal(), g.getIndicators())).toList(),
                t.getActivities().stream().map(a -> new ActivityView(a.getCode(), a.getName(), a.getDescription(),
                        a.getBudgetYear(), a.getGoal(), a.getIndicators().stream().map(i -> new IndicatorView(
                                i.getName(), i.getDescription(), weight(i.getWeight()), bands(i.getBands()))).toList()))
                        .toList(),
                findings);
    }

    static Summary summary(DepartmentTargetTable t) {
        return new Summary(t.getId(), ref(t), t.getYear(), t.getStatus().name(), ProjectView.amount(t.getTotalBudget()),
                t.getActivities().size(), t.allIndicators().size());
    }

    private static DepartmentRef ref(DepartmentTargetTable t) {
        return new DepartmentRef(t.getDepartment().getCode(), t.getDepartment().getName());
    }

    /** A weight as written (5, 2.5), whether read from the column (5.0000) or just sent. */
    static BigDecimal weight(BigDecimal w) {
        return w == null ? null : new BigDecimal(w.stripTrailingZeros().toPlainString());
    }

    /** 优 → 100%, 良 → ≥90% …, in that order; blank bands left out. */
    public static Map<String, String> bands(GradeBands b) {
        Map<String, String> out = new LinkedHashMap<>();
        if (b != null) {
            String[] texts = b.texts();
            for (int k = 0; k < BAND_NAMES.length; k++) {
                if (texts[k] != null) {
                    out.put(BAND_NAMES[k], texts[k]);
                }
            }
        }
        return out;
    }
}
