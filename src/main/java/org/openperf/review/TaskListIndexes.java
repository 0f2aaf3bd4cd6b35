package org.openperf.review;

import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The indexes Camunda's task table needs here. The 待办 list's: with it PostgreSQL walks the tasks in the list's order
 * (due date, then creation) and stops after one page, instead of reading and sorting every task of a group
 * (docs/decisions/task-list-queries.md); and the reminder sweep's, on the follow-up date.
 * Not a Flyway migration: on a fresh database Flyway runs before the engine creates its ACT_ tables, so this runs
 * once the engine is built. Idempotent; a second node starting at the same moment may lose the race, which is fine.
 */
@Component
public class TaskListIndexes {

    static final String TASK_ORDER = "ix_act_ru_task_due_create";
    /** The reminder sweep's query: review tasks whose follow-up date has passed (ReviewReminders). */
    static final String FOLLOW_UP = "ix_act_ru_task_follow_up";
    /**
     * Camunda looks for subtasks on every task completion ({@code PARENT_TASK_ID_ = ?}) and has no index for it:
     * without one, every completion scans the whole task table.
     */
    static final String PARENT = "ix_act_ru_task_parent";

    private static final Logger log = LoggerFactory.getLogger(TaskListIndexes.class);

    private final JdbcTemplate jdbc;

    /** @param engine built first: it creates the ACT_ tables on a fresh database */
    public TaskListIndexes(JdbcTemplate jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
    }

    @PostConstruct
    public void ensure() {
        create(TASK_ORDER, "DUE_DATE_, CREATE_TIME_");
        create(FOLLOW_UP, "FOLLOW_UP_DATE_");
        create(PARENT, "PARENT_TASK_ID_");
    }

    private void create(String name, String columns) {
        try {
            jdbc.execute("create index if not exists " + name + " on ACT_RU_TASK (" + columns + ")");
        } catch (DataAccessException e) {
            log.warn("Index {} on ACT_RU_TASK not created (another node may be creating it): {}", name,
                    e.getMessage());
        }
    }
}
