package org.openperf.evaluation;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 结果应用's queries (the year's links, last year's figures) on PostgreSQL (run by failsafe in `mvn verify`). */
@Tag("postgres")
class ResultsApplicationPostgresTest extends ResultsApplicationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "eval_results_application");
    }
}
