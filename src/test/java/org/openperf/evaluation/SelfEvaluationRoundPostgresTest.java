package org.openperf.evaluation;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The self-evaluation round, review, sample and publication on PostgreSQL (run by failsafe in `mvn verify`). */
@Tag("postgres")
class SelfEvaluationRoundPostgresTest extends SelfEvaluationRoundTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "eval_self_evaluation_round");
    }
}
