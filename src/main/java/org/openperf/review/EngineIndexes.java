package org.openperf.review;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.openperf.kernel.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The indexes Camunda's tables need here. The 待办 list's: with it PostgreSQL walks the tasks in the list's order
 * (due date, creation, id) and stops after one page, instead of reading and sorting every task of a group
 * (docs/decisions/task-list-queries.md); the reminder sweep's, on the follow-up date; 已办's; and the job
 * executor's, on the jobs' due dates.
 * Not a Flyway migration: on a fresh database Flyway runs before the engine creates its ACT_ tables, so this runs
 * once the engine is built. Idempotent; a second node starting at the same moment may lose the race, which is fine.
 */
@Component
public class EngineIndexes {

    /**
     * The list's whole order, the id included: tasks created at one instant (an import, a round opened for every
     * project) are many, and without the id PostgreSQL sorted all of them to find a page (docs/performance.md).
     */
    static final String TASK_ORDER = "ix_act_ru_task_due_create_id";
    /** Its predecessor without the id, dropped once the new one stands. */
    static final String TASK_ORDER_BEFORE = "ix_act_ru_task_due_create";
    /** The reminder sweep's query: review tasks whose follow-up date has passed (ReviewReminders). */
    static final String FOLLOW_UP = "ix_act_ru_task_follow_up";
    /**
     * Camunda looks for subtasks on every task completion ({@code PARENT_TASK_ID_ = ?}) and has no index for it:
     * without one, every completion scans the whole task table.
     */
    static final String PARENT = "ix_act_ru_task_parent";
    /**
     * 已办: a user's ended tasks, newest first. Camunda has no index on the history's assignee; with 114,000 ended
     * tasks PostgreSQL walked the end-time index and filtered every younger task, and the table grows by about ten
     * rows per lifecycle (docs/performance.md, the fifth year).
     */
    static final String DONE = "ix_act_hi_taskinst_assignee_end";
    /**
     * The job executor asks for due jobs ({@code DUEDATE_ is null or DUEDATE_ <= now}) after every transaction that
     * made one and at every poll. Every open review task has a reminder timer and every approved table its milestone
     * timers, all in the future: without an index each poll read all of them (docs/performance.md).
     */
    static final String JOB_DUE = "ix_act_ru_job_due";

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    private final JdbcTemplate jdbc;

    /** @param engine built first: it creates the ACT_ tables on a fresh database */
    public EngineIndexes(JdbcTemplate jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
    }

    @PostConstruct
    public void ensure() {
        // The task table holds a province's 100,000 open tasks and the history millions of rows when an upgrade
        // first creates these: on PostgreSQL they are built without blocking the completions that write there.
        boolean postgres = Databases.isPostgres(jdbc.getDataSource());
        String how = postgres ? "concurrently " : "";
        boolean ordered = create(TASK_ORDER, "ACT_RU_TASK", "DUE_DATE_, CREATE_TIME_, ID_", how);
        create(FOLLOW_UP, "FOLLOW_UP_DATE_");
        create(PARENT, "PARENT_TASK_ID_");
        create(DONE, "ACT_HI_TASKINST", "ASSIGNEE_, END_TIME_", how);
        create(JOB_DUE, "ACT_RU_JOB", "DUEDATE_", how);
        if (postgres) {
            rebuildIfInvalid(TASK_ORDER);
            rebuildIfInvalid(DONE);
            rebuildIfInvalid(JOB_DUE);
        }
        // The old index goes only once the new one is usable (a build cut short, or another node's still running,
        // leaves it invalid): without either, finance's list would sort every one of its tasks.
        if (ordered && (!postgres || Boolean.TRUE.equals(valid(TASK_ORDER)))) {
            drop(TASK_ORDER_BEFORE, how);
        }
        if (postgres) {
            analyzeSooner();
        }
    }

    /** The tables whose statistics {@link #analyzeSooner} keeps closer to the truth. */
    static final List<String> CHURNING = List.of("act_ru_task", "act_ru_identitylink");

    /**
     * The 待办 query's plan depends on how many tasks a group has (walk the list's index for finance's thousands,
     * start from the links for a unit's few), and these two tables change with every task: autovacuum's default
     * re-analyzes a table after a tenth of it changed, 10,000 tasks at a province's 100,000, by which time a
     * department's queue may have emptied and the plan still walks every task for it. A fiftieth instead.
     */
    private void analyzeSooner() {
        for (String table : CHURNING) {
            try {
                // Only once: the statement waits for the table's lock behind a running vacuum or index build.
                Boolean set = jdbc.queryForObject("select coalesce(array_to_string(reloptions, ',') like "
                        + "'%autovacuum_analyze_scale_factor=0.02%', false) from pg_class where relname = ?",
                        Boolean.class, table);
                if (Boolean.TRUE.equals(set)) {
                    continue;
                }
                jdbc.execute("alter table " + table + " set (autovacuum_analyze_scale_factor = 0.02)");
            } catch (DataAccessException e) {
                log.warn("Autovacuum setting on {} not changed: {}", table, e.getMessage());
            }
        }
    }

    private void drop(String name, String how) {
        try {
            jdbc.execute("drop index " + how + "if exists " + name);
        } catch (DataAccessException e) {
            log.warn("Index {} not dropped (another node may be dropping it): {}", name, e.getMessage());
        }
    }

    private void create(String name, String columns) {
        create(name, "ACT_RU_TASK", columns, "");
    }

    private boolean create(String name, String table, String columns, String how) {
        try {
            jdbc.execute("create index " + how + "if not exists " + name + " on " + table + " (" + columns + ")");
            return true;
        } catch (DataAccessException e) {
            log.warn("Index {} on {} not created (another node may be creating it): {}", name, table,
                    e.getMessage());
            return false;
        }
    }

    /** Whether the index is valid on PostgreSQL; null where there is none. */
    private Boolean valid(String name) {
        try {
            return jdbc.queryForObject("select bool_and(i.indisvalid) from pg_index i join pg_class c"
                    + " on c.oid = i.indexrelid where c.relname = ?", Boolean.class, name);
        } catch (DataAccessException e) {
            return null;
        }
    }

    /**
     * A concurrent build cut short (the node stopped in the middle) leaves the index invalid, and "if not exists"
     * would then skip it for good: PostgreSQL keeps it up to date but never reads it. Rebuilt at the next start,
     * unless another node starting at the same moment is building it (its build finishes it; a reindex here would
     * only wait for that and build it again).
     */
    private void rebuildIfInvalid(String name) {
        try {
            if (Boolean.FALSE.equals(valid(name)) && jdbc.queryForObject("select count(*) from"
                    + " pg_stat_progress_create_index p join pg_class c on c.oid = p.index_relid where c.relname = ?",
                    Long.class, name) == 0) {
                log.warn("Index {} was left invalid by a build cut short: rebuilding it", name);
                jdbc.execute("reindex index concurrently " + name);
            }
        } catch (DataAccessException e) {
            log.warn("Index {} not rebuilt (another node may be building it): {}", name, e.getMessage());
        }
    }
}
