package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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

    @Test
    void theTablesTheListPlansOnAreAnalyzedSoonerThanAutovacuumsDefault() throws Exception {
        for (String table : EngineIndexes.CHURNING) {
            try (var c = dataSource.getConnection();
                 var ps = c.prepareStatement("select array_to_string(reloptions, ',') from pg_class where relname = ?")) {
                ps.setString(1, table);
                try (var rs = ps.executeQuery()) {
                    assertThat(rs.next()).as(table).isTrue();
                    assertThat(rs.getString(1)).as(table).contains("autovacuum_analyze_scale_factor=0.02");
                }
            }
        }
    }
}
