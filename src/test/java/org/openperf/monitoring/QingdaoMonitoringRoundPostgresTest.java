package org.openperf.monitoring;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Qingdao monitoring round on PostgreSQL, the production database (run by failsafe in `mvn verify`). */
@Tag("postgres")
class QingdaoMonitoringRoundPostgresTest extends QingdaoMonitoringRoundTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "qingdao_monitoring_round");
    }
}
