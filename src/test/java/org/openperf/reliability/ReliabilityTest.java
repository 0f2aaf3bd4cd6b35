package org.openperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openperf.reliability.ReliabilityReport.add;
import static org.openperf.reliability.ReliabilityReport.seconds;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crash safety, two nodes and load, against the built jar running as its own process on PostgreSQL (each
 * scenario on a fresh database perf_rel_*). Not part of the default build: {@code mvn -B verify -Preliability}
 * (sizes: -Dreliability.projects, -Dreliability.users, -Dreliability.seconds, -Dreliability.loadProjects).
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityTest {

    static final int PROJECTS = Integer.getInteger("reliability.projects", 5000);
    static final int USERS = Integer.getInteger("reliability.users", 50);
    static final int SECONDS = Integer.getInteger("reliability.seconds", 120);
    static final int LOAD_PROJECTS = Integer.getInteger("reliability.loadProjects", 800);
    static final long THINK_MILLIS = Long.getLong("reliability.thinkMillis", 100);
    /** How long a killed node's job locks last (production default: 300000). */
    static final long LOCK_MILLIS = Long.getLong("reliability.lockMillis", 20000);
    static final double KILL_AT = Double.parseDouble(System.getProperty("reliability.killAt", "0.3"));
    static final Duration BURST_TIMEOUT = Duration.ofMinutes(Integer.getInteger("reliability.timeoutMinutes", 30));

    static final String CRASH = "1 crash (SIGKILL)";
    static final String ONE = "2 burst, one node";
    static final String TWO = "2 burst, two nodes";
    static final String LOAD = "3 load";

    static final String SEEDED = "perf_rel_seed";

    private static boolean seeded;

    /** The burst scenarios share one seeded state; a run of the load scenario alone does not need it. */
    static synchronized void seedOnce() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        add(CRASH, "projects waiting at 3月底 (SQL + /engine-rest start before the timer, copied per scenario)",
                PROJECTS);
        add(CRASH, "seeding them once", seconds(MilestoneBurst.seedTemplate(SEEDED, PROJECTS, LOCK_MILLIS)));
    }

    @AfterEach
    void reportSoFar() throws Exception {
        ReliabilityReport.write();
    }

    @Test
    @Order(1)
    void aNodeKilledInTheMiddleOfAMilestoneBurstLosesAndDuplicatesNothing() throws Exception {
        seedOnce();
        try (Database db = Database.copy("perf_rel_crash", SEEDED);
             AppNode node = new AppNode("crash-node", 18471, db.name, LOCK_MILLIS).start()) {
            MilestoneBurst burst = new MilestoneBurst(db, PROJECTS);
            Rest rest = new Rest(node.base());
            long t0 = burst.release(rest);
            long killAt = Math.round(PROJECTS * KILL_AT);
            assertThat(burst.awaitResults(n -> n >= killAt, BURST_TIMEOUT)).as("results before the kill").isTrue();
            node.kill();
            long atKill = burst.results();
            add(CRASH, "results committed when killed", atKill + " of " + PROJECTS + " after "
                    + seconds(ms(System.nanoTime() - t0)));
            assertThat(atKill).as("killed in the middle").isLessThan(PROJECTS);
            add(CRASH, "timer jobs left locked by the dead node", db.count("select count(*) from act_ru_job where "
                    + "lock_owner_ is not null"));

            long restart = System.nanoTime();
            node.start();
            add(CRASH, "restart to healthy", seconds(ms(System.nanoTime() - restart)));
            long done = burst.awaitDone(BURST_TIMEOUT);
            assertThat(done).as("all timers fired after the restart").isPositive();
            add(CRASH, "restart to last result (includes the dead node's job locks expiring: " + LOCK_MILLIS
                    + " ms)", seconds(ms(done - restart)));
            verify(CRASH, burst);
        }
    }

    @Test
    @Order(2)
    void twoNodesShareTheBurstWithoutDuplicates() throws Exception {
        seedOnce();
        long oneNode;
        try (Database db = Database.copy("perf_rel_one_node", SEEDED);
             AppNode node = new AppNode("single-node", 18474, db.name, LOCK_MILLIS).start()) {
            MilestoneBurst burst = new MilestoneBurst(db, PROJECTS);
            Rest rest = new Rest(node.base());
            long t0 = burst.release(rest);
            long done = burst.awaitDone(BURST_TIMEOUT);
            assertThat(done).as("one node finished the burst").isPositive();
            oneNode = ms(done - t0);
            add(ONE, "burst of " + PROJECTS + " milestone timers", seconds(oneNode) + " ("
                    + String.format("%.0f", PROJECTS * 1000.0 / oneNode) + " projects/s)");
            verify(ONE, burst);
        }
        try (Database db = Database.copy("perf_rel_two_nodes", SEEDED);
             AppNode a = new AppNode("node-a", 18472, db.name, LOCK_MILLIS).start();
             AppNode b = new AppNode("node-b", 18473, db.name, LOCK_MILLIS).start()) {
            MilestoneBurst burst = new MilestoneBurst(db, PROJECTS);
            long t0 = burst.release(new Rest(b.base()));
            long done = burst.awaitDone(BURST_TIMEOUT);
            assertThat(done).as("two nodes finished the burst").isPositive();
            long twoNodes = ms(done - t0);
            add(TWO, "burst of " + PROJECTS + " milestone timers", seconds(twoNodes) + " ("
                    + String.format("%.0f", PROJECTS * 1000.0 / twoNodes) + " projects/s)");
            add(TWO, "two nodes vs one node", String.format("%.2f× the time of one node", twoNodes / (double) oneNode));
            Map<String, Long> byNode = burst.jobsByNode();
            add(TWO, "timer jobs executed per node (ACT_HI_JOB_LOG.HOSTNAME_)", byNode);
            verify(TWO, burst);
            assertThat(byNode).as("both nodes did work").containsKeys("node-a", "node-b");
            assertThat(byNode.values()).allMatch(n -> n > 0);
        }
    }

    @Test
    @Order(3)
    void underLoadNoRequestFailsAndEveryLostRaceIsAConflict() throws Exception {
        try (Database db = Database.fresh("perf_rel_load");
             AppNode node = new AppNode("load-node", 18475, db.name, LOCK_MILLIS).start()) {
            LoadRun load = new LoadRun(db);
            Rest rest = new Rest(node.base());
            add(LOAD, "tables at 部门审核 before the run (created and submitted through /api)", LOAD_PROJECTS);
            add(LOAD, "seeding", seconds(load.seed(rest, USERS, LOAD_PROJECTS)));
            long decisionsBefore = load.decisionsRecorded();
            long ran = load.run(rest, Duration.ofSeconds(SECONDS), THINK_MILLIS);
            long requests = load.samples.size();
            add(LOAD, "simulated users, duration, think time", load.users.size() + " users, " + seconds(ran)
                    + ", " + THINK_MILLIS + " ms");
            add(LOAD, "requests (throughput)", requests + " (" + String.format("%.0f", requests * 1000.0 / ran)
                    + " /s)");
            for (String kind : new String[] {"list", "open", "complete", "projects", null}) {
                add(LOAD, "p50 / p95 / p99 " + (kind == null ? "all requests" : kind), String.format(
                        "%.0f / %.0f / %.0f ms (%d)", load.percentile(kind, 50), load.percentile(kind, 95),
                        load.percentile(kind, 99), load.count(kind, s -> true)));
            }
            long fivexx = load.count(null, s -> s >= 500);
            long completed = load.count("complete", s -> s / 100 == 2);
            long conflicts = load.count("complete", s -> s == 409);
            long otherFailures = load.count("complete", s -> s / 100 != 2 && s != 409);
            long failedReads = load.count(null, s -> s / 100 != 2) - conflicts - otherFailures;
            long raced = load.raced();
            long conflictsWithoutRace = load.conflictsWithoutRace();
            long decided = load.decisionsRecorded() - decisionsBefore;
            long decidedTwice = load.tasksDecidedTwice();
            add(LOAD, "5xx (incl. broken connections)", fivexx);
            add(LOAD, "completions: succeeded / 409 / other", completed + " / " + conflicts + " / " + otherFailures);
            add(LOAD, "completion answers by status", load.statuses("complete"));
            load.unexpected.forEach(u -> ReliabilityReport.note("Unexpected answer: " + u));
            add(LOAD, "tasks two or more users tried to complete", raced);
            add(LOAD, "409s without another user's completion of that task", conflictsWithoutRace);
            add(LOAD, "decisions in the history vs successful completions", decided + " vs " + completed);
            add(LOAD, "tasks decided twice", decidedTwice);
            add(LOAD, "failed reads (list/open)", failedReads);
            assertThat(fivexx).as("5xx").isZero();
            assertThat(otherFailures).as("completions failing other than 409").isZero();
            assertThat(failedReads).as("failed reads").isZero();
            assertThat(conflicts).as("some completions raced").isPositive();
            assertThat(conflictsWithoutRace).as("409 without a race").isZero();
            assertThat(decided).as("one history entry per successful completion").isEqualTo(completed);
            assertThat(decidedTwice).as("tasks decided twice").isZero();
        }
    }

    private static void verify(String scenario, MilestoneBurst burst) throws Exception {
        Map<String, Long> checks = burst.check();
        long bad = checks.values().stream().mapToLong(Long::longValue).sum();
        add(scenario, "results / open 偏差说明 tasks", burst.results() + " / "
                + burst.db.count("select count(*) from act_ru_task where task_def_key_ = ?", MilestoneBurst.DEVIATION)
                + " (expected " + PROJECTS + " / " + burst.lagging() + ")");
        add(scenario, "exactly-once violations (lost, duplicated, wrong light, lost/duplicated task, failed job, "
                + "incident)", bad == 0 ? "0" : checks.toString());
        add(scenario, "failed job attempts in the job log", burst.failedAttempts());
        assertThat(checks).as(scenario).allSatisfy((what, n) -> assertThat(n).as(what).isZero());
    }

    private static long ms(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    @AfterAll
    static void writeReport() throws Exception {
        ReliabilityReport.note("Command: mvn -B verify -Preliability -Dreliability.projects=" + PROJECTS
                + " -Dreliability.users=" + USERS + " -Dreliability.seconds=" + SECONDS + " -Dreliability.loadProjects="
                + LOAD_PROJECTS);
        ReliabilityReport.note("Each node: java -jar target/perf-targets-0.1.0-SNAPSHOT.jar, SPRING_PROFILES_ACTIVE=prod,"
                + " -Xmx768m, job executor defaults (3–10 threads, 3 jobs per acquisition) except lock time " + LOCK_MILLIS
                + " ms and idle max-wait " + AppNode.MAX_WAIT_MILLIS + " ms (production defaults 300000 and 60000);"
                + " PostgreSQL on 127.0.0.1.");
        ReliabilityReport.write();
    }
}
