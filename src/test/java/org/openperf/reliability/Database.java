package org.openperf.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fresh PostgreSQL database for one run, and the SQL the checks read it with. */
final class Database implements AutoCloseable {

    static final String SERVER = System.getProperty("perf.test.postgres-server", "jdbc:postgresql://127.0.0.1:5432/");

    final String name;
    private final Connection connection;

    private Database(String name) throws SQLException {
        this.name = name;
        this.connection = DriverManager.getConnection(SERVER + name, "postgres", "");
        this.connection.setAutoCommit(true);
    }

    /** Drops and creates the database: the app builds its schema on first start. */
    static Database fresh(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name + " encoding 'UTF8' template template0");
        }
        return new Database(name);
    }

    /** A copy of {@code template} (which nobody may be connected to): a seeded state reused by several runs. */
    static Database copy(String name, String template) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name + " template " + template);
        }
        return new Database(name);
    }

    /** A connection to a database that exists (a template seeded by an earlier run). */
    static Database open(String name) throws SQLException {
        return new Database(name);
    }

    static boolean exists(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Gathers the planner's statistics, as autovacuum does some time after a bulk load and as a restore needs
     * ({@code vacuumdb --analyze-only}): a copy carries its template's statistics, and a template seeded in a few
     * minutes has none, on which PostgreSQL plans the 待办 query as a nested loop (278 ms instead of 2 ms at 3,000
     * tasks).
     */
    void analyze() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("analyze");
        }
    }

    /**
     * Turns the server's autovacuum on (true) or back to its configured value (false). Production runs it, and the
     * task list's plans depend on the statistics it keeps: with the 待办 queue of a department emptied in minutes and
     * no analyze since, PostgreSQL plans for the group it saw at the seeding (docs/performance.md). A server may run
     * without it (this machine's CI configuration does); the busiest day turns it on for its own run only.
     */
    static void autovacuum(boolean on) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(on ? "alter system set autovacuum = on" : "alter system reset autovacuum");
            s.execute("select pg_reload_conf()");
        }
    }

    long count(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String string(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** First column as key, second as count, in result order. */
    Map<String, Long> counts(String sql, Object... params) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    List<Object[]> rows(String sql, Object... params) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    int execute(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
