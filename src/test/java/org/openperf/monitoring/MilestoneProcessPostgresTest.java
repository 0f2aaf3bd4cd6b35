package org.openperf.monitoring;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same import tests on PostgreSQL, the production database (run by failsafe in `mvn verify`). */
@Tag("postgres")
class MilestoneProcessPostgresTest extends MilestoneProcessTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "milestone_process");
    }
}
