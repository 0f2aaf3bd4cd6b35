package org.openperf.dashboard;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on PostgreSQL, where a row is locked before its project's records are read (run by failsafe). */
@Tag("postgres")
class StoredLightPostgresTest extends StoredLightTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "stored_light");
    }
}
