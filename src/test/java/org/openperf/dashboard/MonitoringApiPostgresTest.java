package org.openperf.dashboard;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The monitoring overview's queries and numbers on PostgreSQL, the production database (failsafe, `mvn verify`). */
@Tag("postgres")
class MonitoringApiPostgresTest extends MonitoringApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "dashboard_monitoring_api");
    }
}
