package org.openperf.review.department;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The department table's approval and monitoring round on PostgreSQL, the production database (V47, V48 and their
 * queries; run by failsafe in `mvn verify`).
 */
@Tag("postgres")
class DepartmentMonitoringProcessPostgresTest extends DepartmentMonitoringProcessTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "department_monitoring_process");
    }
}
