package org.openperf.dashboard;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The monitoring overview's queries and numbers on PostgreSQL, the production database (failsafe, `mvn verify`). */
@Tag("postgres")
// Closed after the class: each cached context holds a pool of PostgreSQL connections the later classes need.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MonitoringApiPostgresTest extends MonitoringApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "dashboard_monitoring_api");
    }
}
