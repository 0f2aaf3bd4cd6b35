package org.openperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A province's fifth year (issue 20): four completed years of lifecycles behind every query, plus the current
 * year's open tasks. Seeded once through the app's services and the engine's API ({@link FifthYearSeed}) into the
 * template {@value #TEMPLATE}, analysed, and copied for each scenario; each scenario runs the built jar (prod
 * profile) on its copy and times the pages' requests over HTTP, one after another, after a warm-up: idle, then while
 * the engine's history cleanup removes an expired year. Part of the benchmark ({@code mvn -B verify -Pbench
 * -Dit.test=FifthYearBench}); sizes -Dbench.fifth.years (4), -Dbench.fifth.lifecyclesPerYear (50000),
 * -Dbench.fifth.openTasks (100000), -Dbench.fifth.currentProjects (as many as a year's lifecycles, at most the open
 * tasks), -Dbench.fifth.units (1000 in -Dbench.fifth.departments 50), -Dbench.fifth.threads (3),
 * -Dbench.fifth.samples (100 per request kind), -Dbench.fifth.currentYear (this year); -Dbench.fifth.reuse=true
 * measures an existing template again without seeding. Writes target/bench/fifth-year.md.
 */
@Tag("bench")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FifthYearBench {

    static final int YEARS = Integer.getInteger("bench.fifth.years", 4);
    static final int PER_YEAR = Integer.getInteger("bench.fifth.lifecyclesPerYear", 50_000);
    static final int OPEN_TASKS = Integer.getInteger("bench.fifth.openTasks", 100_000);
    static final int CURRENT_PROJECTS = Integer.getInteger("bench.fifth.currentProjects",
            Math.max(1, Math.min(PER_YEAR, OPEN_TASKS)));
    static final int UNITS = Integer.getInteger("bench.fifth.units", 1000);
    static final int DEPARTMENTS = Integer.getInteger("bench.fifth.departments", 50);
    static final int THREADS = Integer.getInteger("bench.fifth.threads", 3);
    static final int SAMPLES = Integer.getInteger("bench.fifth.samples", 100);
    static final int WARMUP = 10;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int CURRENT_YEAR = Integer.getInteger("bench.fifth.currentYear", Year.now(BEIJING).getValue());
    static final boolean REUSE = Boolean.getBoolean("bench.fifth.reuse");
    static final String TEMPLATE = "perf_bench_fifth_seed";
    /** The cleanup scenario keeps history this many years: the oldest completed year has expired. */
    static final int CLEANUP_KEEP_YEARS = Math.max(1, YEARS - 1);

    private static final List<String> ROWS = new ArrayList<>();
    private static final List<String> NOTES = new ArrayList<>();
    private static final Map<String, Double> SEED_SECONDS = new LinkedHashMap<>();
    private static String sizes = "";

    /**
     * A request of a page, as who, and its goal for p95 (ms). {@code download}: a file, any content type;
     * {@code prepared}: a POST that asks for a file prepared in the background, timed itself, then waited for
     * (untimed for the row, the time until the file is ready kept apart in {@link #READY}).
     */
    record Kind(String name, String user, String path, double goal, boolean download, boolean prepared) {

        Kind(String name, String user, String path, double goal, boolean download) {
            this(name, user, path, goal, download, false);
        }
    }

    /** Per scenario and kind: how long each prepared file took from the request to ready (ms). */
    private static final Map<String, List<Double>> READY = new LinkedHashMap<>();

    static List<Kind> kinds() {
        int last = CURRENT_YEAR - 1;
        String unit = FifthYearSeed.unitUser(FifthYearSeed.measuredUnit());
        String dept = FifthYearSeed.departmentUser(FifthYearSeed.measuredDepartment());
        String finance = FifthYearSeed.FINANCE_USER;
        String d = FifthYearSeed.measuredDepartment();
        return List.of(
                new Kind("待办 unit", unit, "/api/tasks?view=todo", 100, false),
                new Kind("待办 department", dept, "/api/tasks?view=todo", 100, false),
                new Kind("待办 finance", finance, "/api/tasks?view=todo", 100, false),
                new Kind("已办 department", dept, "/api/tasks?view=done", 300, false),
                new Kind("project list (finance, " + CURRENT_YEAR + ")", finance, "/api/projects?year=" + CURRENT_YEAR,
                        300, false),
                new Kind("project list (department, all years)", dept, "/api/projects", 300, false),
                new Kind("monitoring dashboard (finance, " + last + ")", finance, "/api/monitoring?year=" + last, 300,
                        false),
                new Kind("monitoring project search (finance, " + last + ", red, first 50)", finance,
                        "/api/monitoring/projects?light=RED&year=" + last, 300, false),
                new Kind("监控表 summary asked for (department " + d + ", " + last + ", prepared in the background)",
                        finance, "/api/monitoring/export-files?year=" + last + "&department=" + d, 300, false, true),
                new Kind("自评 summary (department " + d + ", " + last + ", xlsx)", finance,
                        "/api/self-evaluations/summary.xlsx?year=" + last + "&department=" + d, 300, true),
                new Kind("自评 summary asked for (department " + d + ", " + last + ", prepared in the background)",
                        finance, "/api/self-evaluations/summary-files?year=" + last + "&department=" + d, 300, false,
                        true),
                new Kind("自评 grades by department (" + last + ")", finance, "/api/self-evaluations/grades?year=" + last,
                        300, false),
                new Kind("结果应用 (" + CURRENT_YEAR + " against " + last + ")", finance,
                        "/api/results?year=" + CURRENT_YEAR, 300, false));
    }

    @BeforeAll
    static void seed() throws Exception {
        sizes = YEARS + " completed years × " + PER_YEAR + " lifecycles, " + CURRENT_YEAR + ": " + CURRENT_PROJECTS
                + " drafts and " + OPEN_TASKS + " open tasks; " + UNITS + " units in " + DEPARTMENTS + " departments";
        if (REUSE && Database.exists(TEMPLATE)) {
            try (Database db = Database.open(TEMPLATE)) {
                sizes = db.string("select shobj_description(oid, 'pg_database') from pg_database where datname = ?",
                        TEMPLATE);
            }
            NOTES.add("Template " + TEMPLATE + " reused as an earlier run seeded it; seeding not timed in this run.");
            return;
        }
        Database.fresh(TEMPLATE).close();
        // Autovacuum runs while the years accumulate, as in production; the scenarios run on analysed copies.
        Database.autovacuum(true);
        try (FifthYearSeed seed = new FifthYearSeed(TEMPLATE, YEARS, PER_YEAR, CURRENT_YEAR, OPEN_TASKS,
                CURRENT_PROJECTS, DEPARTMENTS, UNITS, THREADS)) {
            seed.seed();
            SEED_SECONDS.putAll(seed.seconds);
        } finally {
            Database.autovacuum(false);
        }
        try (Database db = Database.open(TEMPLATE)) {
            long t0 = System.nanoTime();
            db.analyze();
            SEED_SECONDS.put("analyze", (System.nanoTime() - t0) / 1e9);
            // The sizes travel with the template, for a later run that reuses it.
            db.execute("comment on database " + TEMPLATE + " is '" + sizes.replace("'", "''") + "'");
        }
    }

    @Test
    @Order(1)
    void fifthYear() throws Exception {
        try (Database db = Database.copy("perf_bench_fifth_idle", TEMPLATE);
             AppNode node = new AppNode("fifth-idle", 18490, db.name, 20000)
                     .with(cleanupWindowElsewhere()).start()) {
            volumes(db);
            measure("fifth year", db, node, null);
        }
    }

    @Test
    @Order(2)
    void fifthYearWithHistoryCleanup() throws Exception {
        try (Database db = Database.copy("perf_bench_fifth_cleanup", TEMPLATE);
             AppNode node = new AppNode("fifth-cleanup", 18491, db.name, 20000).with(
                     // The oldest year has expired; production keeps 10 years and stamps each instance's removal
                     // time when it ends, so the cleanup here judges by end time against the shorter retention.
                     "--perf.history.keep-years=" + CLEANUP_KEEP_YEARS,
                     "--camunda.bpm.generic-properties.properties.history-cleanup-strategy=endTimeBased")
                     // The nightly window closed: the cleanup starts when triggered, after the warm-up, and goes
                     // on while it finds work.
                     .with(cleanupWindowElsewhere()).start()) {
            measure("with history cleanup", db, node, new Rest(node.base()));
        }
    }

    /** The nightly window 12 hours from now: the idle scenario is not measured during a cleanup by accident. */
    static String[] cleanupWindowElsewhere() {
        LocalTime from = LocalTime.now(BEIJING).plusHours(12).withSecond(0).withNano(0);
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        return new String[] {"--perf.history.cleanup-from=" + hm.format(from),
                "--perf.history.cleanup-until=" + hm.format(from.plusHours(1))};
    }

    /**
     * Warm-up rounds, then {@link #SAMPLES} rounds of every kind in turn (so a background job falls on all kinds
     * alike); one request at a time, as one user clicking.
     */
    private void measure(String scenario, Database db, AppNode node, Rest cleanupTrigger) throws Exception {
        Rest rest = new Rest(node.base());
        List<Kind> kinds = kinds();
        for (int r = 0; r < WARMUP; r++) {
            for (Kind k : kinds) {
                call(rest, k);
            }
        }
        long historyBefore = db.count("select count(*) from act_hi_procinst");
        long eligible = db.count("select count(*) from act_hi_procinst where end_time_ < now() - make_interval(days "
                + "=> ?)", CLEANUP_KEEP_YEARS * 365 + (CLEANUP_KEEP_YEARS + 3) / 4);
        if (cleanupTrigger != null) {
            Rest.require(cleanupTrigger.post(AppNode.ADMIN, AppNode.ADMIN_PASSWORD,
                    "/engine-rest/history/cleanup?immediatelyDue=true", "{}"), "history cleanup");
        }
        BusiestDayBench.Statements.reset(db);
        double[][] ms = new double[kinds.size()][SAMPLES];
        long t0 = System.nanoTime();
        CleanupWatch watch = cleanupTrigger == null ? null : new CleanupWatch(db.name, t0);
        try {
            for (int r = 0; r < SAMPLES; r++) {
                for (int k = 0; k < kinds.size(); k++) {
                    ms[k][r] = call(rest, kinds.get(k), scenario);
                }
            }
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long historyAfter = db.count("select count(*) from act_hi_procinst");
        for (int k = 0; k < kinds.size(); k++) {
            Kind kind = kinds.get(k);
            double[] sorted = ms[k].clone();
            Arrays.sort(sorted);
            double p95 = percentile(sorted, 95);
            ROWS.add("| " + scenario + " | " + kind.name() + " | " + String.format("%.0f / %.0f / %.0f ms",
                    percentile(sorted, 50), p95, percentile(sorted, 99)) + " | "
                    + (p95 < kind.goal() ? "met" : "MISSED") + String.format(" (p95 < %.0f ms)", kind.goal()) + " |");
        }
        String cleanup = cleanupTrigger == null ? "" : " History cleanup (keep " + CLEANUP_KEEP_YEARS + " years, by "
                + "end time, triggered after the warm-up with POST /engine-rest/history/cleanup?immediatelyDue=true): "
                + eligible + " of " + historyBefore
                + " historic process instances had expired; " + (historyBefore - historyAfter) + " removed while "
                + "measuring, " + db.count("select count(*) from act_hi_procinst where end_time_ < now() - "
                + "make_interval(days => ?)", CLEANUP_KEEP_YEARS * 365 + (CLEANUP_KEEP_YEARS + 3) / 4)
                + " left at the end" + (watch.doneAfter < 0 ? "" : String.format(" (none left after %.0f s)",
                watch.doneAfter)) + ".";
        NOTES.add(scenario + ": " + SAMPLES + " requests per kind after " + WARMUP + " warm-up rounds, "
                + String.format("%.0f s", seconds) + "." + cleanup);
        READY.forEach((key, ready) -> {
            if (key.startsWith(scenario + ": ")) {
                double[] sorted = ready.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                NOTES.add(key + ", from the request to the file fetched (polled every 20 ms, each after its request "
                        + "was timed): " + String.format("p50 / p95 / p99 %.0f / %.0f / %.0f ms",
                        percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)) + ".");
            }
        });
        NOTES.add(scenario + ", slowest statements by total time: " + BusiestDayBench.Statements.top(db, 10));
        NOTES.add(scenario + ", slowest statements by mean time (at least " + SAMPLES / 2 + " calls): "
                + BusiestDayBench.Statements.slowestOnAverage(db, 6, SAMPLES / 2));
        plans(db, scenario);
    }

    /** Looks every 2 s whether expired history is left, on a connection of its own. */
    static final class CleanupWatch implements AutoCloseable {

        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        private final Database db;
        volatile double doneAfter = -1;

        CleanupWatch(String database, long t0) throws SQLException {
            db = Database.open(database);
            int days = CLEANUP_KEEP_YEARS * 365 + (CLEANUP_KEEP_YEARS + 3) / 4;
            timer.scheduleWithFixedDelay(() -> {
                try {
                    if (doneAfter < 0 && db.count("select count(*) from act_hi_procinst where end_time_ < now() - "
                            + "make_interval(days => ?)", days) == 0) {
                        doneAfter = (System.nanoTime() - t0) / 1e9;
                    }
                } catch (SQLException e) {
                    // looked again in 2 s
                }
            }, 0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            timer.shutdownNow();
            timer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            db.close();
        }
    }

    private static double call(Rest rest, Kind k) {
        return call(rest, k, null);
    }

    private static double call(Rest rest, Kind k, String scenario) {
        long t0 = System.nanoTime();
        Rest.Answer a = k.prepared() ? rest.post(k.user(), FifthYearSeed.PASSWORD, k.path(), null)
                : k.download() ? rest.download(k.user(), FifthYearSeed.PASSWORD, k.path())
                : rest.get(k.user(), FifthYearSeed.PASSWORD, k.path());
        if (!a.ok()) {
            throw new IllegalStateException(k.name() + " " + k.path() + " answered " + a.status() + ": "
                    + a.body().substring(0, Math.min(300, a.body().length())));
        }
        if (k.prepared()) {
            ready(rest, k, a.json().get("id").asLong(), t0, scenario);
        }
        return a.nanos() / 1e6;
    }

    /** Waits for a prepared file, fetches it, and notes how long it took from the request. */
    private static void ready(Rest rest, Kind k, long id, long asked, String scenario) {
        for (int i = 0; i < 6000; i++) {
            String status = Rest.require(rest.get(k.user(), FifthYearSeed.PASSWORD, "/api/files/" + id),
                    "file " + id).json().get("status").asText();
            if ("DONE".equals(status)) {
                Rest.require(rest.download(k.user(), FifthYearSeed.PASSWORD, "/api/files/" + id + "/content"),
                        "file " + id);
                if (scenario != null) {
                    READY.computeIfAbsent(scenario + ": " + k.name(), x -> new ArrayList<>())
                            .add((System.nanoTime() - asked) / 1e6);
                }
                return;
            }
            if (!"RUNNING".equals(status)) {
                throw new IllegalStateException(k.name() + ": file " + id + " " + status);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(k.name() + ": file " + id + " not ready after 2 minutes");
    }

    static double percentile(double[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    /**
     * The generic plans of the two statements slowest on average (PostgreSQL 15 has no EXPLAIN (GENERIC_PLAN): the
     * statement is prepared and explained with NULLs under a forced generic plan, so the plan is the one for any
     * parameters). A statement whose parameter types cannot be inferred is skipped.
     */
    private static void plans(Database db, String scenario) {
        try {
            List<Object[]> rows = db.rows("select query, round(mean_exec_time::numeric, 2) from pg_stat_statements "
                    + "where dbid = (select oid from pg_database where datname = current_database()) and calls >= ? "
                    + "and query ilike 'select%' order by mean_exec_time desc limit 2", (long) SAMPLES / 2);
            for (Object[] r : rows) {
                String query = (String) r[0];
                int params = 0;
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$(\\d+)").matcher(query);
                while (m.find()) {
                    params = Math.max(params, Integer.parseInt(m.group(1)));
                }
                try {
                    db.execute("set plan_cache_mode = force_generic_plan");
                    db.execute("deallocate all");
                    db.execute("prepare fifth_plan as " + query);
                    String args = params == 0 ? "" : "(" + String.join(", ", java.util.Collections.nCopies(params,
                            "null")) + ")";
                    StringBuilder plan = new StringBuilder();
                    for (Object[] line : db.rows("explain execute fifth_plan" + args)) {
                        plan.append("    ").append(line[0]).append('\n');
                    }
                    NOTES.add(scenario + ", generic plan of `" + query.replaceAll("\\s+", " ").substring(0,
                            Math.min(160, query.replaceAll("\\s+", " ").length())) + "` (" + r[1] + " ms each):\n\n"
                            + plan);
                } catch (SQLException e) {
                    NOTES.add(scenario + ": no plan for a slow statement (" + e.getMessage().lines().findFirst()
                            .orElse("") + ")");
                } finally {
                    db.execute("deallocate all");
                    db.execute("reset plan_cache_mode");
                }
            }
        } catch (SQLException e) {
            NOTES.add(scenario + ": plans not available (" + e.getMessage() + ")");
        }
    }

    /** What the copy holds: the volumes every query of the fifth year runs against. */
    private static void volumes(Database db) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (String table : List.of("project", "indicator", "review_opinion", "target_version", "execution_reading",
                "milestone_result", "monitoring_report", "monitoring_report_indicator", "self_evaluation",
                "act_ru_task", "act_ru_execution", "act_ru_variable", "act_hi_procinst", "act_hi_actinst",
                "act_hi_taskinst", "act_hi_varinst", "act_hi_identitylink", "act_hi_detail", "act_hi_op_log",
                "act_hi_decinst")) {
            b.append(b.isEmpty() ? "" : ", ").append(table).append(' ').append(db.count("select count(*) from "
                    + table));
        }
        NOTES.add(0, "Rows: " + b + "; database " + db.string("select pg_size_pretty(pg_database_size("
                + "current_database()))") + ".");
    }

    @AfterAll
    static void write() throws Exception {
        StringBuilder b = new StringBuilder("# Fifth year, ").append(Instant.now()).append("\n\n");
        b.append(Runtime.getRuntime().availableProcessors()).append(" cores; PostgreSQL local; the node is the built ")
                .append("jar, prod profile, -Xmx768m, pool 20; one client in the test's JVM. ").append(sizes)
                .append(".\n\n");
        if (!SEED_SECONDS.isEmpty()) {
            double total = SEED_SECONDS.values().stream().mapToDouble(Double::doubleValue).sum();
            b.append("Seeding (").append(THREADS).append(" threads): ").append(String.format("%.0f s", total))
                    .append(" — ");
            SEED_SECONDS.forEach((k, v) -> b.append(k).append(String.format(" %.0f s; ", v)));
            b.append("\n\n");
        }
        ReliabilityReport.writeBench("fifth-year.md", b, "| scenario | request | p50 / p95 / p99 | goal |", ROWS, NOTES);
        assertThat(ROWS).isNotEmpty();
    }
}
