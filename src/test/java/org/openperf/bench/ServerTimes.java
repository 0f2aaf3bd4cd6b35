package org.openperf.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a side's time goes on the server, from PostgreSQL's pg_stat_statements when the server loads it
 * ({@code shared_preload_libraries = 'pg_stat_statements'}; not the default, so the rows are left out without it):
 * statements sent, their execution time, and the time outside them (round trips, the JVM).
 */
final class ServerTimes {

    private ServerTimes() {
    }

    static boolean available(JdbcTemplate jdbc) {
        try {
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.queryForObject("select count(*) from pg_stat_statements", Long.class);
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }

    static void reset(JdbcTemplate jdbc) {
        // This database's statements only: the server's other databases keep theirs.
        jdbc.queryForList("select pg_stat_statements_reset(0, (select oid from pg_database"
                + " where datname = current_database()), 0)");
    }

    /** Adds what this database ran since the last {@link #reset} to {@code into}, by statement text. */
    static void addSinceReset(JdbcTemplate jdbc, Map<String, Row> into) {
        jdbc.query("select query, calls, total_exec_time, total_plan_time from pg_stat_statements "
                        + "where dbid = (select oid from pg_database where datname = current_database()) "
                        + "and query not like '%pg_stat_statements%'",
                rs -> {
                    Row r = new Row(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4));
                    into.merge(r.query(), r, (x, y) -> new Row(x.query(), x.calls() + y.calls(),
                            x.execMs() + y.execMs(), x.planMs() + y.planMs()));
                });
    }

    /** What was added up, per unit of work (n of them), the costliest statements first. */
    static Summary summary(Map<String, Row> rows, int n) {
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingDouble(Row::totalMs).reversed());
        double exec = sorted.stream().mapToDouble(Row::execMs).sum();
        double plan = sorted.stream().mapToDouble(Row::planMs).sum();
        long calls = sorted.stream().mapToLong(Row::calls).sum();
        return new Summary(n, calls, exec, plan, sorted);
    }

    /** side, calls per unit, ms per unit, statement: one line per statement and side, costliest first. */
    static void writeAll(java.nio.file.Path file, int n, Map<String, Summary> sides) {
        StringBuilder b = new StringBuilder("side\tcalls per unit\tms per unit\tstatement\n");
        sides.forEach((side, summary) -> summary.rows().forEach(r -> b.append(side).append('\t')
                .append(String.format(java.util.Locale.ROOT, "%.2f\t%.3f\t", (double) r.calls() / n, r.totalMs() / n))
                .append(r.query().replaceAll("\\s+", " ")).append('\n')));
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Planning time is there when the server tracks it ({@code pg_stat_statements.track_planning = on}). */
    record Row(String query, long calls, double execMs, double planMs) {

        double totalMs() {
            return execMs + planMs;
        }
    }

    record Summary(int n, long calls, double execMs, double planMs, List<Row> rows) {

        double msPerUnit() {
            return (execMs + planMs) / n;
        }

        double planMsPerUnit() {
            return planMs / n;
        }

        double callsPerUnit() {
            return (double) calls / n;
        }

        /** The costliest statements: "select ACT_RU_TASK 2.0× 0.41 ms", per unit of work. */
        String top(int k) {
            StringBuilder b = new StringBuilder();
            for (Row r : rows.subList(0, Math.min(k, rows.size()))) {
                b.append(b.isEmpty() ? "" : "; ").append(QueryPlans.table(r.query())).append(" ")
                        .append(BenchReport.fmt((double) r.calls() / n)).append("× ")
                        .append(BenchReport.fmt(r.totalMs() / n)).append(" ms");
            }
            return b.toString();
        }
    }
}
