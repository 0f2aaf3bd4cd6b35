package org.openperf;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on PostgreSQL, where a batch holds its round's row (run by failsafe in `mvn verify`). */
@Tag("postgres")
class RoundDeliveryPostgresTest extends RoundDeliveryTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "round_delivery");
    }
}
