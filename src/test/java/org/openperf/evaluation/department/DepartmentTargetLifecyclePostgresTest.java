package org.openperf.evaluation.department;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A department table's whole year on PostgreSQL, the production database (V50 and its queries; failsafe). */
@Tag("postgres")
class DepartmentTargetLifecyclePostgresTest extends DepartmentTargetLifecycleTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "department_lifecycle");
    }
}
