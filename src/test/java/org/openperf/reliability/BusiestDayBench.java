package org.openperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A province's busiest day (issue 20): simulated users over HTTP against the built jar on PostgreSQL, one node and
 * then two nodes on one database, each from a copy of the same seeded state. Part of the benchmark
 * ({@code mvn -B verify -Pbench}; alone: {@code -Dit.test=BusiestDayBench}); sizes -Dbench.load.users (100),
 * -Dbench.load.seconds (600), -Dbench.load.thinkMillis (1000), -Dbench.load.projects (3000 tables at 部门审核),
 * -Dbench.load.thinkPer (request; turn: one pause per turn, its requests back to back), -Dbench.load.warmupSeconds
 * (60: answers in the first minute count for errors, not for the percentiles and throughput).
 * Writes target/bench/busiest-day.md.
 */
@Tag("bench")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BusiestDayBench {

    static final int USERS = Integer.getInteger("bench.load.users", 100);
    static final int SECONDS = Integer.getInteger("bench.load.seconds", 600);
    static final long THINK_MILLIS = Long.getLong("bench.load.thinkMillis", 1000);
    /** The first minute (everyone logging in, the JIT compiling) is not measured, as the other benches warm up. */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.load.warmupSeconds", 60);
    static final int PROJECTS = Integer.getInteger("bench.load.projects", 3000);
    /** Pages and lists: p95 below this (ms). */
    static final double PAGE_GOAL = 300;
    /** Completions: p95 below this (ms). */
    static final double COMPLETION_GOAL = 500;
    static final String TEMPLATE = "perf_bench_load_seed";
    static final long LOCK_MILLIS = 20000;

    private static LoadRun seeded;
    private static long seedMillis;
    private static double oneNodeThroughput;
    private static final List<String> ROWS = new ArrayList<>();
    private static final List<String> NOTES = new ArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        Database.autovacuum(true);
        try (Database db = Database.fresh(TEMPLATE);
             AppNode node = new AppNode("load-seed", 18480, TEMPLATE, LOCK_MILLIS).start()) {
            seeded = new LoadRun(db);
            seedMillis = seeded.seed(new Rest(node.base()), USERS, PROJECTS);
            db.analyze();
        }
    }

    @Test
    @Order(1)
    void oneNode() throws Exception {
        try (Database db = Database.copy("perf_bench_load_one", TEMPLATE);
             AppNode node = new AppNode("load-one", 18481, db.name, LOCK_MILLIS).start()) {
            oneNodeThroughput = run("1 node", db, List.of(node));
        }
    }

    @Test
    @Order(2)
    void twoNodes() throws Exception {
        try (Database db = Database.copy("perf_bench_load_two", TEMPLATE);
             AppNode a = new AppNode("load-a", 18482, db.name, LOCK_MILLIS).start();
             AppNode b = new AppNode("load-b", 18483, db.name, LOCK_MILLIS).start()) {
            double throughput = run("2 nodes", db, List.of(a, b));
            row("2 nodes", "throughput against one node", String.format("%.2f×", throughput / oneNodeThroughput), "");
        }
    }

    /** Runs the users against the nodes; reports and checks; returns requests per second. */
    private double run(String scenario, Database db, List<AppNode> nodes) throws Exception {
        LoadRun load = new LoadRun(db, seeded).withImportPreviews(previewWorkbook())
                .withWarmup(Duration.ofSeconds(WARMUP_SECONDS));
        List<Rest> rests = nodes.stream().map(n -> new Rest(n.base())).toList();
        Statements.reset(db);
        long decisionsBefore = load.decisionsRecorded();
        double[] nodeCpu0 = nodes.stream().mapToDouble(n -> ProcessCpu.of(n.pid())).toArray();
        double pg0 = ProcessCpu.postgres();
        long self = ProcessHandle.current().pid();
        double users0 = ProcessCpu.of(self);
        long ran;
        double[] compilers;
        try (CompilerCpu jit = new CompilerCpu(nodes.stream().map(AppNode::pid).toList())) {
            ran = load.run(rests, Duration.ofSeconds(SECONDS), THINK_MILLIS);
            compilers = jit.seconds();
        }
        double seconds = ran / 1000.0;
        double pg = ProcessCpu.postgres() - pg0;
        double simulatedUsers = ProcessCpu.of(self) - users0;
        StringBuilder cpu = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            cpu.append(i == 0 ? "" : ", ").append(nodes.get(i).name).append(' ')
                    .append(String.format("%.0f%% (of it the JIT compiler %.0f%%)",
                            100 * (ProcessCpu.of(nodes.get(i).pid()) - nodeCpu0[i]) / seconds,
                            100 * compilers[i] / seconds));
        }
        long requests = load.measured(null);
        double throughput = requests / Math.max(1, seconds - WARMUP_SECONDS);
        row(scenario, "users, duration (of it warm-up), think time", load.users.size() + " users, "
                + String.format("%.0f s (%d s)", seconds, WARMUP_SECONDS) + ", " + THINK_MILLIS
                + " ms (each pause 0.5–1.5×) " + (LoadRun.THINK_PER_TURN ? "per turn (its requests back to back)"
                        : "before every request"), "");
        row(scenario, "requests after the warm-up (throughput)", requests + String.format(" (%.1f /s)", throughput),
                "");
        // Everyone logs in at the start, within the warm-up: logins over the whole run.
        row(scenario, "p50 / p95 / p99 login (count)", String.format("%.0f / %.0f / %.0f ms (%d)",
                load.percentile("login", 50, false), load.percentile("login", 95, false),
                load.percentile("login", 99, false), load.count("login", s -> true)), "");
        for (String kind : new String[] {"list", "open", "projects", "dashboard", "import preview", "complete"}) {
            double p95 = load.percentile(kind, 95);
            double goal = kind.equals("complete") ? COMPLETION_GOAL
                    : kind.equals("import preview") ? Double.NaN : PAGE_GOAL;
            row(scenario, "p50 / p95 / p99 " + kind + " after the warm-up (count); p95 of the whole run",
                    String.format("%.0f / %.0f / %.0f ms (%d); %.0f ms", load.percentile(kind, 50), p95,
                            load.percentile(kind, 99), load.measured(kind), load.percentile(kind, 95, false)),
                    Double.isNaN(goal) || Double.isNaN(p95) ? "" : (p95 < goal ? "met" : "MISSED")
                            + String.format(" (p95 < %.0f ms)", goal));
        }
        long fivexx = load.count(null, s -> s >= 500);
        long completed = load.count("complete", s -> s / 100 == 2);
        long conflicts = load.count("complete", s -> s == 409);
        long otherFailures = load.count("complete", s -> s / 100 != 2 && s != 409);
        long failedReads = load.count(null, s -> s / 100 != 2) - conflicts - otherFailures;
        long conflictsWithoutRace = load.conflictsWithoutRace();
        long decided = load.decisionsRecorded() - decisionsBefore;
        row(scenario, "errors: 5xx / failed reads / failed completions other than 409", fivexx + " / " + failedReads
                + " / " + otherFailures, fivexx + failedReads + otherFailures == 0 ? "met" : "MISSED");
        row(scenario, "completions: succeeded / 409 (of them without another user's completion)", completed + " / "
                + conflicts + " (" + conflictsWithoutRace + ")", conflictsWithoutRace == 0 ? "met" : "MISSED");
        row(scenario, "tasks still open at 部门审核 / 财政审核 at the end", db.count("select count(*) from act_ru_task "
                + "where task_def_key_ = 'UserTask_DepartmentReview'") + " / " + db.count("select count(*) from "
                + "act_ru_task where task_def_key_ = 'UserTask_FinanceReview'"), "");
        // The simulated users share the cores: their JVM's share says how much of the machine the nodes had.
        row(scenario, "CPU: app node(s), PostgreSQL, the simulated users (of one core)", cpu + String.format(
                ", PostgreSQL %.0f%%, simulated users %.0f%%", 100 * pg / seconds, 100 * simulatedUsers / seconds), "");
        load.unexpected.forEach(u -> NOTES.add(scenario + ", unexpected answer: " + u));
        NOTES.add(scenario + ", slowest statements by total time: " + Statements.top(db, 8));
        assertThat(fivexx).as("5xx").isZero();
        assertThat(failedReads).as("failed reads").isZero();
        assertThat(otherFailures).as("completions failing other than 409").isZero();
        assertThat(conflictsWithoutRace).as("409 without a race").isZero();
        assertThat(decided).as("one history entry per successful completion").isEqualTo(completed);
        return throughput;
    }

    /** Huangyuan's small workbook (layout A): finance's import preview. */
    private static byte[] previewWorkbook() throws IOException {
        try (InputStream in = BusiestDayBench.class.getResourceAsStream("/fixtures/huangyuan-2024-targets.xlsx")) {
            return in.readAllBytes();
        }
    }

    private static void row(String scenario, String figure, String value, String goal) {
        ROWS.add("| " + scenario + " | " + figure + " | " + value + " | " + goal + " |");
    }

    @AfterAll
    static void write() throws IOException, SQLException {
        Database.autovacuum(false);
        StringBuilder b = new StringBuilder("# Busiest day, ").append(Instant.now()).append("\n\n");
        b.append(Runtime.getRuntime().availableProcessors()).append(" cores; the simulated users run in the test's JVM ")
                .append("on the same machine; PostgreSQL's autovacuum on for the run, as in production. ")
                .append("Each node: the built jar, prod profile, -Xmx768m, pool 20. Seeded once (")
                .append(PROJECTS).append(" tables created and submitted through /api, users through /engine-rest) in ")
                .append(String.format("%.0f s", seedMillis / 1000.0)).append(", copied for each scenario.\n\n");
        b.append(Boolean.getBoolean("bench.load.basic")
                ? "Each request carries HTTP Basic credentials (-Dbench.load.basic=true), as a script's would.\n\n"
                : "Each person logs in once through the login form (one node each, as sticky sessions keep it) and "
                        + "then works with the session's cookie and CSRF token, as a browser does.\n\n");
        b.append("Mix per user and turn: reviewers 10% the monitoring dashboard, finance 10% an import preview ")
                .append("(a dry run of a 2-table workbook); otherwise 待办 (first page), open one of its ")
                .append("projects and complete it (department 80% approve, finance 85% approve, else return; preparers ")
                .append("resubmit); with nothing to do, the project list and one project. ")
                .append(LoadRun.THINK_PER_TURN ? "One pause per turn, its requests sent back to back.\n\n"
                        : "A pause before every request: a person reads the page before the next click.\n\n");
        ReliabilityReport.writeBench("busiest-day.md", b, "| scenario | figure | value | goal |", ROWS, NOTES);
    }

    /** The slowest statements (pg_stat_statements, where the server preloads it), of the bench's database only. */
    static final class Statements {

        private static final String THIS_DATABASE = "(select oid from pg_database where datname = current_database())";

        /** Forgets this database's statements (not the other databases' on the server). */
        static void reset(Database db) {
            try {
                db.execute("create extension if not exists pg_stat_statements");
                db.execute("select pg_stat_statements_reset(0, " + THIS_DATABASE + ", 0)");
            } catch (SQLException e) {
                // not preloaded on this server: reported as unavailable
            }
        }

        /** The n statements with the most time in all. */
        static String top(Database db, int n) {
            return list(db, "select calls, round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 2), "
                    + "left(regexp_replace(query, '\\s+', ' ', 'g'), 120) from pg_stat_statements where dbid = "
                    + THIS_DATABASE + " and calls >= ? order by total_exec_time desc limit " + n, 0,
                    r -> r[0] + " calls, " + r[1] + " ms (" + r[2] + " ms each)");
        }

        /** The n statements slowest on average among those called at least {@code minCalls} times. */
        static String slowestOnAverage(Database db, int n, long minCalls) {
            return list(db, "select calls, round(mean_exec_time::numeric, 2), round(max_exec_time::numeric, 1), "
                    + "left(regexp_replace(query, '\\s+', ' ', 'g'), 160) from pg_stat_statements where dbid = "
                    + THIS_DATABASE + " and calls >= ? order by mean_exec_time desc limit " + n, minCalls,
                    r -> r[0] + " calls, " + r[1] + " ms each (max " + r[2] + " ms)");
        }

        private static String list(Database db, String sql, long minCalls,
                                   java.util.function.Function<Object[], String> figures) {
            try {
                List<Object[]> rows = db.rows(sql, minCalls);
                StringBuilder b = new StringBuilder();
                for (Object[] r : rows) {
                    b.append(b.isEmpty() ? "" : "; ").append('`').append(r[3]).append("` ").append(figures.apply(r));
                }
                return b.toString();
            } catch (SQLException e) {
                return "pg_stat_statements not available (add it to shared_preload_libraries)";
            }
        }
    }
}
