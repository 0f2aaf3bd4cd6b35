package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openperf.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The same tests on PostgreSQL, the production database (run by failsafe in `mvn verify`). */
@Tag("postgres")
class TargetApprovalProcessPostgresTest extends TargetApprovalProcessTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "target_approval_process");
    }

    @Autowired
    TaskListPlans plans;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    /**
     * The task list's queries are planned for the caller's values: the engine's own statements in the list's
     * transaction see the setting, and it ends with the transaction (other statements keep PostgreSQL's plan cache).
     */
    @Test
    void theTaskListsTransactionPlansTheEnginesQueriesForTheirValues() {
        projects.create(table("计划缓存测试项目", "≥90%"));
        long all = tasks.createTaskQuery().count();
        assertThat(all).isPositive();
        String planned = "select count(*) from ACT_RU_TASK RES "
                + "where current_setting('plan_cache_mode') = 'force_custom_plan'";
        assertThat(tasks.createNativeTaskQuery().sql(planned).count()).isZero();
        long inList = transactions.execute(status -> {
            plans.planForTheseValues();
            return tasks.createNativeTaskQuery().sql(planned).count();
        });
        assertThat(inList).isEqualTo(all);
        assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
    }
}
