package org.openperf;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The local PostgreSQL (127.0.0.1:5432, trust auth) as test databases: each test class tagged "postgres" gets its
 * own database, dropped and created afresh when the class registers it in its {@code @DynamicPropertySource}, so
 * every `mvn verify` starts from empty schemas and classes do not see each other's data.
 */
public final class PostgresTestDatabase {

    private static final String SERVER = System.getProperty("perf.test.postgres-server",
            "jdbc:postgresql://127.0.0.1:5432/");

    private PostgresTestDatabase() {
    }

    /** @param name a short name for the test class's database, e.g. {@code import_api} */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String database = "perf_test_" + name;
        recreate(database);
        registry.add("spring.datasource.url", () -> SERVER + database);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        // As production sends batched inserts (application-prod.yaml), so the suite runs the same statements.
        registry.add("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "true");
    }

    private static synchronized void recreate(String name) {
        String admin = SERVER + "postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + admin + " is needed for the postgres tests "
                    + "(start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
        }
    }
}
