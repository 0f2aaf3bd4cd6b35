package org.openperf.review;

import javax.sql.DataSource;
import org.openperf.kernel.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes PostgreSQL plan the task list's queries for the caller's own groups. The JDBC driver prepares a statement
 * on the server after five uses, and PostgreSQL then reuses one generic plan, made without the parameter values:
 * it assumes a candidate group holds the average few tasks, so for a large group (finance) it reads and sorts every
 * task of the group instead of walking the due-date index for one page (docs/decisions/plan-cache.md). The setting
 * is for the list's transaction only; other statements keep the plan cache.
 */
@Component
public class TaskListPlans {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public TaskListPlans(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** Within the current transaction: plan every statement with its values (nothing to do on other databases). */
    public void planForTheseValues() {
        if (postgres) {
            jdbc.execute("set local plan_cache_mode = force_custom_plan");
        }
    }
}
