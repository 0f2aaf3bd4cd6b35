package org.openperf.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openperf.targets.ProjectView.UnitRef;

/**
 * What {@code GET /api/monitoring} answers and {@code /dashboard} shows, for one year and the caller's scope.
 *
 * @param year              the fiscal year shown
 * @param department        the department filter (code), null for all the caller may see
 * @param years             fiscal years with approved projects in the caller's scope (for the year picker)
 * @param departmentOptions the departments with approved projects that year in the caller's scope
 * @param departments       light counts per department
 * @param total             the counts of all of them together
 * @param curve             planned vs actual cumulative execution: of {@code project} if one was asked for, else
 *                          of the department (or everything shown) together, weighted by budget
 * @param project           the project the curve is of, null for a total
 * @param redProjects       the red projects furthest behind, at most 100 ({@code total.red} says how many in all);
 *                          the project search ({@code GET /api/monitoring/projects?light=RED}) pages through all
 */
public record MonitoringOverview(int year, String department, List<Integer> years,
                                 List<UnitRef> departmentOptions, List<LightCounts> departments, LightCounts total,
                                 ExecutionCurve curve, ProjectRow project, List<RedProject> redProjects) {

    /** Approved projects of a department by light; {@code unmonitored}: 未监控 (no reading, no milestone check). */
    public record LightCounts(String code, String name, int red, int yellow, int green, int blue, int unmonitored,
                              int total) {
    }

    /** An approved project and its current light. */
    public record ProjectRow(Long id, String code, String name, UnitRef unit, UnitRef department, BigDecimal budget,
                             String light, String lightLabel, BigDecimal spent, BigDecimal executionRate,
                             BigDecimal plannedPercent, LocalDate asOf, String source) {
    }

    /**
     * 红灯项目: the numbers that made it red, and the unit's latest 偏差说明 if it gave one.
     *
     * @param ratio v = executionRate ÷ plannedPercent × 100 (完成序时进度的比例)
     */
    public record RedProject(Long id, String code, String name, UnitRef unit, UnitRef department, BigDecimal budget,
                             BigDecimal spent, BigDecimal executionRate, BigDecimal plannedPercent, BigDecimal ratio,
                             LocalDate asOf, String source, String explanation, Reasons reasons) {
    }

    /** 偏差说明 as the unit gave it: 偏差原因 (categories and text) and 纠偏措施. */
    public record Reasons(int month, String categories, String text, String measures, String reviewDecision) {

        static Reasons of(LightSignal.Deviation d) {
            return d == null ? null : new Reasons(d.month(), d.reasons(), d.text(), d.measures(), d.decision());
        }
    }
}
