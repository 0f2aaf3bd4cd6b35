package org.openperf.library;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests on PostgreSQL, where the search uses the pg_trgm index (V44). */
@Tag("postgres")
class IndicatorLibraryPostgresTest extends IndicatorLibraryTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "indicator_library");
    }
}
