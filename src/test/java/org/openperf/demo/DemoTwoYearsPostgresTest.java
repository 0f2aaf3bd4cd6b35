package org.openperf.demo;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The two demo years on PostgreSQL, the production database (run by failsafe in `mvn verify`). */
@Tag("postgres")
class DemoTwoYearsPostgresTest extends DemoTwoYearsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "demo_two_years");
    }
}
