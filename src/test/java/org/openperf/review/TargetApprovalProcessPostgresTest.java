package org.openperf.review;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests on PostgreSQL, the production database (run by failsafe in `mvn verify`). */
@Tag("postgres")
class TargetApprovalProcessPostgresTest extends TargetApprovalProcessTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "target_approval_process");
    }
}
