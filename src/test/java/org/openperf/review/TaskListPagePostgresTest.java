package org.openperf.review;

import org.junit.jupiter.api.Tag;
import org.openperf.PostgresTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The 待办 list's statement on PostgreSQL (its order of tasks without a due date, its plan cache setting). */
@Tag("postgres")
class TaskListPagePostgresTest extends TaskListPageTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "task_list_page");
    }
}
