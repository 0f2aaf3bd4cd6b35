package org.openperf.dashboard;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openperf.dashboard.MonitoringOverview.ProjectRow;
import org.openperf.dashboard.MonitoringOverview.Reasons;
import org.openperf.dashboard.MonitoringOverview.RedProject;
import org.openperf.kernel.Scope;
import org.openperf.monitoring.Light;
import org.openperf.targets.ProjectView;
import org.openperf.targets.ProjectView.UnitRef;
import org.openperf.targets.ScopeQuery;
import org.springframework.stereotype.Component;

/**
 * The dashboard's statements over the stored lights ({@link StoredLight}) of the approved projects of a year in a
 * caller's scope, optionally of one department: counts and curve sums per department from the units' totals
 * ({@link StoredTotals}), the red projects furthest behind, a page of projects. Each is the same statement for ten
 * projects as for fifty thousand.
 */
@Component
class StoredLights {

    private static final String FROM = """
             from Project p left join p.unit u left join u.department d
                  left join StoredLight l on l.projectId = p.id
            where p.year = :year and p.version >= 1 and (:department is null or d.code = :department)
              and """ + ScopeQuery.PROJECT_IN_SCOPE;

    private static final String STALE =
            " (l.projectId is null or l.stale = true or l.rules is null or l.rules <> :rules) ";

    /**
     * The counts and curve sums per department, from the units' totals ({@link StoredTotals}). Stale: a unit's
     * flagged rows, or all of them when they were computed under other rules than {@code :rules}.
     */
    private static final String TOTALS = totals();

    private static final String TOTALS_FROM = """
             from StoredTotals t left join Unit u on u.id = t.unitKey left join u.department d
            where t.year = :year and (:department is null or d.code = :department) and\s""" + StoredTotals.IN_SCOPE;

    /** Which count of the units' totals a light filter is (NONE: 未监控; ALL: no filter). */
    private static final java.util.Map<String, String> TOTALS_COLUMN = java.util.Map.of("RED", "red", "YELLOW",
            "yellow", "GREEN", "green", "BLUE", "blue", "NONE", "unmonitored", "ALL", "projects");

    private static final String ROW = """
            select p.id, p.code, p.name, u.code, u.name, d.code, d.name, p.budget, l.light, l.spent,
                   l.executionRate, l.plannedPercent, l.ratio, l.asOf, l.source, l.explanation, l.deviationMonth,
                   l.deviationReasons, l.deviationText, l.deviationMeasures, l.deviationDecision""";

    /** Where the selection is: a year, a department or all, the caller's scope. */
    record Selection(int year, String department, Scope scope) {
    }

    /** A department's counts by light and its projects' curve sums; {@code stale}: rows to compute first. */
    record DepartmentTotals(UnitRef department, int red, int yellow, int green, int blue, int unmonitored,
                            int total, int stale, ExecutionCurve.Sums curve) {
    }

    /** One page of project rows and how many there are in all. */
    record Page(long total, List<ProjectRow> rows) {
    }

    @PersistenceContext
    private EntityManager entities;

    List<DepartmentTotals> byDepartment(Selection s, String rules) {
        List<DepartmentTotals> rows = new ArrayList<>();
        for (Object[] r : bind(entities.createQuery(TOTALS, Object[].class), s).setParameter("rules", rules)
                .getResultList()) {
            BigDecimal[] planned = new BigDecimal[12];
            BigDecimal[] spent = new BigDecimal[12];
            for (int m = 0; m < 12; m++) {
                planned[m] = orZero(r[12 + m]);
                spent[m] = orZero(r[24 + m]);
            }
            rows.add(new DepartmentTotals(department((String) r[0], (String) r[1]), count(r[3]), count(r[4]),
                    count(r[5]), count(r[6]), count(r[7]), count(r[2]), count(r[8]),
                    new ExecutionCurve.Sums(orZero(r[10]), planned, spent, (Integer) r[11], count(r[9]))));
        }
        return rows;
    }

    /** How many of the selection's rows are stale, from the units' totals: mostly none, in a statement per unit. */
    long staleCount(Selection s, String rules) {
        Long n = bind(entities.createQuery("select sum(case when t.rules = :rules then t.flagged else t.projects end)"
                + TOTALS_FROM, Long.class), s).setParameter("rules", rules).getSingleResult();
        return n == null ? 0 : n;
    }

    /** The units whose totals count stale rows. */
    List<Long> staleUnits(Selection s, String rules) {
        return bind(entities.createQuery("select t.unitKey" + TOTALS_FROM + " and ((t.rules = :rules and t.flagged > 0)"
                + " or ((t.rules is null or t.rules <> :rules) and t.projects > 0)) order by t.unitKey", Long.class), s)
                .setParameter("rules", rules).getResultList();
    }

    /** The projects whose stored light must be computed before it is shown. */
    List<Long> stale(Selection s, String rules) {
        return bind(entities.createQuery("select p.id" + FROM + " and" + STALE + "order by p.id", Long.class), s)
                .setParameter("rules", rules).getResultList();
    }

    /** The red projects furthest behind (v lowest; unknown v last), at most {@code limit}. */
    List<RedProject> red(Selection s, int limit) {
        List<RedProject> red = new ArrayList<>();
        for (Object[] r : bind(entities.createQuery(ROW + FROM + " and l.year = :year and l.light = 'RED'"
                + " order by l.ratio asc nulls last, l.projectId", Object[].class), s).setMaxResults(limit)
                .getResultList()) {
            Integer month = (Integer) r[16];
            red.add(new RedProject((Long) r[0], (String) r[1], (String) r[2], unit(r), department(r),
                    ProjectView.amount((BigDecimal) r[7]), ProjectView.amount((BigDecimal) r[9]), (BigDecimal) r[10],
                    (BigDecimal) r[11], (BigDecimal) r[12], (LocalDate) r[13], (String) r[14], (String) r[15],
                    month == null ? null : new Reasons(month, (String) r[17], (String) r[18], (String) r[19],
                            (String) r[20])));
        }
        return red;
    }

    /**
     * A page of the projects in department, unit and name order; {@code text} a part of the name or code (null for
     * all), {@code light} RED … BLUE, {@code NONE} for 未监控, or null for all.
     */
    Page page(Selection s, String text, String light, int page, int size) {
        String where = (text == null ? "" : " and (lower(p.name) like :text escape '!' or lower(p.code) like :text"
                + " escape '!')") + (light == null ? "" : "NONE".equals(light) ? " and l.light is null"
                : " and l.light = :light");
        // Without a text, the units' totals count the rows; with one, every project of the year is looked at anyway.
        TypedQuery<Long> count = bind(text == null ? entities.createQuery("select sum(t." + TOTALS_COLUMN.get(
                light == null ? "ALL" : light) + ")" + TOTALS_FROM, Long.class)
                : entities.createQuery("select count(p.id)" + FROM + where, Long.class), s);
        TypedQuery<Object[]> rows = bind(entities.createQuery(ROW + FROM + where
                + " order by d.code asc nulls last, u.code asc nulls last, p.name, p.id", Object[].class), s);
        if (text != null) {
            String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
            count.setParameter("text", like);
            rows.setParameter("text", like);
        }
        if (light != null && !"NONE".equals(light)) {
            if (text != null) {
                count.setParameter("light", light);
            }
            rows.setParameter("light", light);
        }
        List<ProjectRow> list = rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(StoredLights::row).toList();
        Long total = count.getSingleResult();
        return new Page(total == null ? 0 : total, list);
    }

    private static ProjectRow row(Object[] r) {
        String light = (String) r[8];
        return new ProjectRow((Long) r[0], (String) r[1], (String) r[2], unit(r), department(r),
                ProjectView.amount((BigDecimal) r[7]), light,
                light == null ? ProjectLight.UNMONITORED : Light.valueOf(light).label(),
                ProjectView.amount((BigDecimal) r[9]), (BigDecimal) r[10], (BigDecimal) r[11], (LocalDate) r[13],
                (String) r[14]);
    }

    private static UnitRef unit(Object[] r) {
        return r[3] == null && r[4] == null ? null : new UnitRef((String) r[3], (String) r[4]);
    }

    private static UnitRef department(Object[] r) {
        return department((String) r[5], (String) r[6]);
    }

    /** Without a department (no unit, or a unit without one): 未指定主管部门. */
    private static UnitRef department(String code, String name) {
        return code == null && name == null ? MonitoringDashboard.NO_DEPARTMENT : new UnitRef(code, name);
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> q, Selection s) {
        return q.setParameter("year", s.year()).setParameter("department", s.department())
                .setParameter("all", s.scope().all()).setParameter("units", s.scope().unitArray())
                .setParameter("departments", s.scope().departmentArray());
    }

    private static int count(Object v) {
        return v == null ? 0 : ((Number) v).intValue();
    }

    private static BigDecimal orZero(Object v) {
        return v == null ? BigDecimal.ZERO : (BigDecimal) v;
    }

    private static String totals() {
        StringBuilder q = new StringBuilder("select d.code, d.name, sum(t.projects), sum(t.red), sum(t.yellow),"
                + " sum(t.green), sum(t.blue), sum(t.unmonitored),"
                + " sum(case when t.rules = :rules then t.flagged else t.projects end),"
                + " sum(t.curveCount), sum(t.curveBudget), max(t.asOfMonth)");
        for (int m = 1; m <= 12; m++) {
            q.append(", sum(t.planned").append(m).append(')');
        }
        for (int m = 1; m <= 12; m++) {
            q.append(", sum(t.spent").append(m).append(')');
        }
        return q.append("""
                 from StoredTotals t left join Unit u on u.id = t.unitKey left join u.department d
                where t.year = :year and t.projects > 0 and (:department is null or d.code = :department)
                  and """ + StoredTotals.IN_SCOPE + " group by d.code, d.name").toString();
    }
}
