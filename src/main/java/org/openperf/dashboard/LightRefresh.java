package org.openperf.dashboard;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hibernate.Session;
import org.openperf.kernel.BeforeCommit;
import org.openperf.kernel.Databases;
import org.openperf.kernel.rules.DeployedRules;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.LightRules;
import org.openperf.monitoring.MilestoneResult;
import org.openperf.monitoring.MonitoringReport;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectDraftEdited;
import org.openperf.targets.ProjectMonitoringChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code project_light} up to date (docs/decisions/stored-lights.md). A transaction that changes what a light
 * is computed from says so ({@link ProjectMonitoringChanged}); just before it commits, the lights of the projects it
 * named are computed again, with the same {@link CurrentLights} and {@link ExecutionCurve.Sums} the dashboard used to
 * run on every view, and written in the same transaction. Rows found stale when shown (approved before the table
 * existed, or computed under an older execution-light table) are computed by {@link #stale} first.
 *
 * <p>Each row is locked before its project's records are read: of two transactions changing one project, the second
 * waits and then reads what the first committed, so the stored light never misses a change.
 */
@Service
public class LightRefresh {

    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(LightRefresh.class);
    private static final int TEXT = 20000;
    private static final String UPDATE = update();

    private final CurrentLights lights;
    private final LightTotals totals;
    private final DeployedRules rules;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate inNewTransaction;
    private String ensure;

    @PersistenceContext
    private EntityManager entities;

    LightRefresh(CurrentLights lights, LightTotals totals, DeployedRules rules, JdbcTemplate jdbc,
                 PlatformTransactionManager transactions) {
        this.lights = lights;
        this.totals = totals;
        this.rules = rules;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.inNewTransaction = new TransactionTemplate(transactions);
        this.inNewTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void changed(ProjectMonitoringChanged e) {
        changed(e.projectId());
    }

    @EventListener
    void edited(ProjectDraftEdited e) {
        changed(e.projectId());
    }

    private void changed(Long projectId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // In one order everywhere (a TreeSet): no two transactions lock the same rows crosswise.
            // Last of the work done before the commit: the units' totals are the last rows a transaction locks.
            BeforeCommit.<SortedSet<Long>>collection(this, TreeSet::new, this::refresh, Ordered.LOWEST_PRECEDENCE)
                    .add(projectId);
        } else {
            inNewTransaction.executeWithoutResult(s -> refresh(new TreeSet<>(List.of(projectId))));
        }
    }

    /** The version of the execution-light table a row computed now is computed under. */
    String rulesNow() {
        return rules.previewVersion(LightRules.EXECUTION);
    }

    /**
     * Computes the rows of these projects that are still stale once locked (another view may have computed them
     * meanwhile), each chunk in a transaction of its own.
     */
    void stale(List<Long> projectIds) {
        for (int from = 0; from < projectIds.size(); from += CHUNK) {
            SortedSet<Long> chunk = new TreeSet<>(projectIds.subList(from, Math.min(projectIds.size(), from + CHUNK)));
            inNewTransaction.executeWithoutResult(s -> {
                String now = rulesNow();
                Locked locked = lock(chunk);
                List<Long> still = locked.rules().entrySet().stream()
                        .filter(e -> e.getValue() == null || !e.getValue().equals(now)).map(Map.Entry::getKey)
                        .toList();
                write(still, now, false);
                totals.recompute(locked.units());
            });
        }
    }

    /**
     * Adds these units' totals up again from their projects' rows, in a transaction of its own: the view found them
     * stale with none of their projects' rows stale (changed by hand in the database, say).
     */
    void recount(int year, List<Long> unitKeys) {
        SortedSet<LightTotals.Key> keys = new TreeSet<>();
        unitKeys.forEach(u -> keys.add(new LightTotals.Key(year, u)));
        if (!keys.isEmpty()) {
            log.warn("totals of {} unit(s) of {} added up again: they did not match their projects' rows", keys.size(),
                    year);
            inNewTransaction.executeWithoutResult(s -> totals.recompute(keys));
        }
    }

    private void refresh(SortedSet<Long> projectIds) {
        // What the transaction changed is read back by the statements below, some of them plain SQL.
        entities.flush();
        List<Long> ids = new ArrayList<>(projectIds);
        SortedSet<LightTotals.Key> units = new TreeSet<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            SortedSet<Long> chunk = new TreeSet<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            String now = rulesNow();
            Locked locked = lock(chunk);
            write(new ArrayList<>(locked.rules().keySet()), now, true);
            units.addAll(locked.units());
        }
        // Last, once every project's row is locked and written: no lock is taken after a unit's.
        totals.recompute(units);
    }

    /**
     * The locked projects with the rules their rows were computed under (null when stale), and the units whose
     * totals they are counted in, before and after this transaction.
     */
    private record Locked(Map<Long, String> rules, SortedSet<LightTotals.Key> units) {
    }

    /**
     * Makes sure the approved projects among these have a row, and locks their rows in id order. A project moved to
     * another unit is counted in the new one's totals from now on.
     */
    private Locked lock(SortedSet<Long> projectIds) {
        jdbc.batchUpdate(ensure(), new ArrayList<>(projectIds), projectIds.size(), (ps, id) -> ps.setLong(1, id));
        Map<Long, String> locked = new HashMap<>();
        Map<Long, LightTotals.Key> counted = new HashMap<>();
        named.query("select project_id, stale, rules, fiscal_year, unit_key from project_light"
                        + " where project_id in (:ids) order by project_id for update", Map.of("ids", projectIds),
                rs -> {
                    locked.put(rs.getLong(1), rs.getBoolean(2) ? null : rs.getString(3));
                    Long unit = rs.getObject(5, Long.class);
                    // Set by V55 and by the insert above; a row without one was counted in no unit yet.
                    counted.put(rs.getLong(1), unit == null ? null : new LightTotals.Key(rs.getInt(4), unit));
                });
        // The projects' units in a statement of its own, after the locks: one that waited for a lock sees the unit
        // the transaction it waited for committed, which the locking statement's own snapshot would not.
        SortedSet<LightTotals.Key> units = new TreeSet<>();
        List<Object[]> moved = new ArrayList<>();
        if (!locked.isEmpty()) {
            named.query("select id, fiscal_year, coalesce(unit_id, 0) from project where id in (:ids)",
                    Map.of("ids", locked.keySet()), rs -> {
                        long project = rs.getLong(1);
                        LightTotals.Key before = counted.get(project);
                        LightTotals.Key now = new LightTotals.Key(rs.getInt(2), rs.getLong(3));
                        units.add(now);
                        if (before != null) {
                            units.add(before);
                        }
                        if (!now.equals(before)) {
                            moved.add(new Object[] {now.unit(), project});
                        }
                    });
        }
        jdbc.batchUpdate("update project_light set unit_key = ? where project_id = ?", moved);
        return new Locked(locked, units);
    }

    /**
     * Computes and writes the rows of these projects (locked by the caller). The records are read in a session of
     * their own on the transaction's connection: it sees what this transaction wrote and what others committed, and
     * never an entity this transaction loaded before another one changed it. {@code isolate}: a project whose light
     * cannot be computed (a rule table without a rule for its ratio) is marked stale and logged instead of failing
     * the change that named it; the dashboard then computes it again and shows the error.
     */
    private void write(List<Long> projectIds, String rulesVersion, boolean isolate) {
        if (projectIds.isEmpty()) {
            return;
        }
        Session session = entities.unwrap(Session.class);
        try (Session own = session.sessionWithOptions().connection().openSession()) {
            List<Project> projects = own.createSelectionQuery(DashboardReadings.APPROVED_IN, Project.class)
                    .setParameter("ids", projectIds).getResultList();
            Monitored monitored = new Monitored(projects,
                    () -> own.createSelectionQuery(DashboardReadings.READINGS_IN, ExecutionReading.class)
                            .setParameter("ids", projectIds).getResultList(),
                    () -> own.createSelectionQuery(DashboardReadings.MILESTONE_RESULTS_IN, MilestoneResult.class)
                            .setParameter("ids", projectIds).getResultList(),
                    () -> own.createSelectionQuery(DashboardReadings.REPORTS_IN, MonitoringReport.class)
                            .setParameter("ids", projectIds).getResultList());
            List<Object[]> rows = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            if (!isolate) {
                Map<Long, ProjectLight> light = lights.of(monitored);
                projects.forEach(p -> rows.add(row(p, light.get(p.getId()), monitored, rulesVersion)));
            } else {
                for (Project p : projects) {
                    try {
                        Monitored one = new Monitored(List.of(p), () -> monitored.readings(p.getId()),
                                () -> monitored.milestoneResults(p.getId()), () -> monitored.reports().stream()
                                        .filter(r -> p.getId().equals(r.getProjectId())).toList());
                        rows.add(row(p, lights.of(one).get(p.getId()), monitored, rulesVersion));
                    } catch (RuntimeException e) {
                        log.warn("light of project {} left stale: {}", p.getId(), e.getMessage());
                        failed.add(p.getId());
                    }
                }
            }
            jdbc.batchUpdate(UPDATE, rows);
            jdbc.batchUpdate("update project_light set stale = true where project_id = ?", failed, failed.size(),
                    (ps, id) -> ps.setLong(1, id));
        }
    }

    private static Object[] row(Project p, ProjectLight l, Monitored monitored, String rulesVersion) {
        return row(p, l, ExecutionCurve.Sums.of(p, monitored.readings(p.getId())), rulesVersion);
    }

    private static Object[] row(Project p, ProjectLight l, ExecutionCurve.Sums curve, String rulesVersion) {
        LightSignal s = l.decisive();
        LightSignal.Deviation d = l.deviation();
        List<Object> v = new ArrayList<>(List.of(p.getYear(), rulesVersion));
        v.add(l.light() == null ? null : l.light().name());
        v.add(s == null ? null : cut(s.source(), 200));
        v.add(s == null ? null : s.asOf());
        v.add(s == null ? null : s.spent());
        v.add(s == null ? null : s.executionRate());
        v.add(s == null ? null : s.plannedPercent());
        v.add(s == null ? null : s.ratio());
        v.add(s == null ? null : cut(s.explanation(), 1000));
        v.add(d == null ? null : d.month());
        v.add(d == null ? null : cut(d.reasons(), 1000));
        v.add(d == null ? null : cut(d.text(), TEXT));
        v.add(d == null ? null : cut(d.measures(), TEXT));
        v.add(d == null ? null : cut(d.decision(), 20));
        v.add(curve.count() == 0 ? null : curve.budget());
        v.add(curve.asOfMonth());
        for (BigDecimal m : curve.planned()) {
            v.add(m);
        }
        for (BigDecimal m : curve.spent()) {
            v.add(m);
        }
        v.add(p.getId());
        return v.toArray();
    }

    /** Stored words are a view of the records, which keep them whole: a longer text is cut to the column. */
    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private String ensure() {
        if (ensure == null) {
            ensure = Databases.isPostgres(jdbc.getDataSource())
                    ? "insert into project_light (project_id, stale, fiscal_year, unit_key) select id, true,"
                            + " fiscal_year, coalesce(unit_id, 0) from project where id = ? and version >= 1"
                            + " on conflict do nothing"
                    : "insert into project_light (project_id, stale, fiscal_year, unit_key) select id, true,"
                            + " fiscal_year, coalesce(unit_id, 0) from project p"
                            + " where id = ? and version >= 1"
                            + " and not exists (select 1 from project_light l where l.project_id = p.id)";
        }
        return ensure;
    }

    private static String update() {
        StringBuilder sql = new StringBuilder("update project_light set stale = false, fiscal_year = ?, rules = ?,"
                + " light = ?,"
                + " source = ?, as_of = ?, spent = ?, execution_rate = ?, planned_percent = ?, ratio = ?,"
                + " explanation = ?, deviation_month = ?, deviation_reasons = ?, deviation_text = ?,"
                + " deviation_measures = ?, deviation_decision = ?, curve_budget = ?, as_of_month = ?");
        for (int m = 1; m <= 12; m++) {
            sql.append(", planned_").append(m).append(" = ?");
        }
        for (int m = 1; m <= 12; m++) {
            sql.append(", spent_").append(m).append(" = ?");
        }
        return sql.append(" where project_id = ?").toString();
    }
}
