package org.openperf.demo;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests on PostgreSQL, the production database (run by failsafe in `mvn verify`). */
@Tag("postgres")
class DemoDataPostgresTest extends DemoDataTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "demo_data");
    }
}
