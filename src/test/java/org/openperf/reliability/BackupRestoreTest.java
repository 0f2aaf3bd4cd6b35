package org.openperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openperf.reliability.ReliabilityReport.add;
import static org.openperf.reliability.ReliabilityReport.seconds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md's backup and restore, as an operator would do it: {@code pg_dump} while the app runs, the
 * node lost, {@code pg_restore} into a fresh database, the app started on it. Projects wait at 偏差说明 tasks and
 * at milestone timers; some timers fall due while the system is down (they fire once after the restart: not
 * twice, not never), the others after the restart (they fire when due). {@code mvn -B verify -Preliability}
 * (sizes: -Dreliability.restoreProjects, -Dreliability.restoreWindowSeconds, -Dreliability.restoreLaterSeconds).
 */
@Tag("reliability")
class BackupRestoreTest {

    static final String SCENARIO = "4 backup and restore";
    static final int PROJECTS = Integer.getInteger("reliability.restoreProjects", 60);
    /** Timers due this long after the dump starts: while the node is lost and the database restored. */
    static final int WINDOW_SECONDS = Integer.getInteger("reliability.restoreWindowSeconds", 60);
    /** Timers due this long after the dump starts: after the restored node is up. */
    static final int LATER_SECONDS = Integer.getInteger("reliability.restoreLaterSeconds", 480);
    static final Duration TIMEOUT = Duration.ofMinutes(15);
    /** How /engine-rest takes a job's due date. */
    static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneId.systemDefault());

    @AfterEach
    void reportSoFar() throws Exception {
        ReliabilityReport.write();
    }

    @Test
    void aDumpTakenWhileTheAppRunsRestoresWithItsTasksTimersAndResultsAndTheTimersFireOnce() throws Exception {
        Path dump = Path.of("target", "reliability", "backup.dump").toAbsolutePath();
        Files.createDirectories(dump.getParent());
        List<String> window = new ArrayList<>();
        List<String> later = new ArrayList<>();
        Map<String, Long> before;
        List<String> tasksBefore;
        List<String> timersBefore;
        Instant windowDue;
        Instant laterDue;
        String jobDefinition;
        try (Database source = Database.fresh("perf_rel_backup");
             AppNode node = new AppNode("backup-node", 18476, source.name, ReliabilityTest.LOCK_MILLIS).start()) {
            MilestoneBurst burst = new MilestoneBurst(source, PROJECTS);
            Rest rest = new Rest(node.base());
            burst.seed(rest);
            burst.release(rest);
            assertThat(burst.awaitDone(TIMEOUT)).as("3月底 fired").isPositive();
            jobDefinition = source.string("select id_ from act_ru_jobdef where act_id_ = ? and proc_def_key_ = "
                    + "'target-monitoring'", MilestoneBurst.TIMER);

            // Green projects wait for 6月底: half of them now fall due in the restore window, half after it.
            List<String> timers = source.rows("select id_ from act_ru_job where job_def_id_ = ? order by id_",
                    jobDefinition).stream().map(r -> (String) r[0]).toList();
            assertThat(timers).as("green projects waiting for 6月底").hasSize((int) burst.green());
            Instant dumpAt = Instant.now();
            windowDue = dumpAt.plusSeconds(WINDOW_SECONDS);
            laterDue = dumpAt.plusSeconds(LATER_SECONDS);
            for (int i = 0; i < timers.size(); i++) {
                (i % 2 == 0 ? window : later).add(timers.get(i));
                Rest.require(rest.put(AppNode.ADMIN, AppNode.ADMIN_PASSWORD, "/engine-rest/job/" + timers.get(i)
                        + "/duedate", Map.of("duedate", REST_DATE.format(i % 2 == 0 ? windowDue : laterDue),
                        "cascade", false)), "due date of " + timers.get(i));
            }
            before = appState(source);
            tasksBefore = ids(source, "select id_ from act_ru_task order by id_");
            timersBefore = ids(source, "select id_ || ' ' || duedate_ from act_ru_job where job_def_id_ = ? "
                    + "order by id_", jobDefinition);
            add(SCENARIO, "projects; waiting 偏差说明 tasks; timers due in the restore window / after it",
                    PROJECTS + "; " + tasksBefore.size() + "; " + window.size() + " / " + later.size());

            long t0 = System.nanoTime();
            run("pg_dump", "-Fc", "-h", "127.0.0.1", "-U", "postgres", "-f", dump.toString(), source.name);
            add(SCENARIO, "pg_dump while the node runs", seconds(ms(System.nanoTime() - t0)) + ", "
                    + Files.size(dump) / 1024 + " KiB");
            node.kill();
            assertThat(Instant.now()).as("node lost before the window's timers were due (raise "
                    + "reliability.restoreWindowSeconds)").isBefore(windowDue);
        }

        try (Database restored = Database.fresh("perf_rel_restored")) {
            long t0 = System.nanoTime();
            run("pg_restore", "--exit-on-error", "--single-transaction", "--no-owner", "-h", "127.0.0.1", "-U",
                    "postgres", "-d", restored.name, dump.toString());
            add(SCENARIO, "pg_restore into a fresh database", seconds(ms(System.nanoTime() - t0)));
            assertThat(appState(restored)).as("the app's rows, tasks and timers as dumped").isEqualTo(before);
            assertThat(ids(restored, "select id_ from act_ru_task order by id_")).isEqualTo(tasksBefore);
            assertThat(ids(restored, "select id_ || ' ' || duedate_ from act_ru_job where job_def_id_ = ? "
                    + "order by id_", jobDefinition)).isEqualTo(timersBefore);

            // The window's timers fall due while no node runs.
            long wait = Duration.between(Instant.now(), windowDue).toMillis() + 1000;
            if (wait > 0) {
                Thread.sleep(wait);
            }
            long restart = System.nanoTime();
            try (AppNode node = new AppNode("restored-node", 18477, restored.name, ReliabilityTest.LOCK_MILLIS)
                    .start()) {
                add(SCENARIO, "start on the restored database to healthy", seconds(ms(System.nanoTime() - restart)));
                assertThat(await(restored, window, window.size())).as("timers due in the window fired").isTrue();
                add(SCENARIO, "start to last timer of the window fired", seconds(ms(System.nanoTime() - restart)));
                assertThat(Instant.now()).as("the later timers are still ahead (raise "
                        + "reliability.restoreLaterSeconds)").isBefore(laterDue);
                assertThat(fired(restored, later)).as("later timers fired early").isZero();

                assertThat(await(restored, later, later.size())).as("timers due after the restart fired").isTrue();
                Map<String, Long> checks = new LinkedHashMap<>();
                checks.put("timers fired other than once", countOtherThanOnce(restored, window)
                        + countOtherThanOnce(restored, later));
                checks.put("projects with more than one 6月底 result", restored.count("select count(*) from (select "
                        + "project_id from milestone_result where milestone_month = 6 group by project_id having "
                        + "count(*) > 1) x"));
                checks.put("6月底 results other than the timers fired", Math.abs(restored.count("select count(*) from "
                        + "milestone_result where milestone_month = 6") - window.size() - later.size()));
                checks.put("3月底 results lost", PROJECTS - restored.count("select count(*) from milestone_result "
                        + "where milestone_month = 3"));
                checks.put("偏差说明 tasks of before the dump no longer open", tasksBefore.stream().filter(id -> {
                    try {
                        return restored.count("select count(*) from act_ru_task where id_ = ?", id) == 0;
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).count());
                checks.put("jobs failed or with retries used", restored.count("select count(*) from act_ru_job where "
                        + "exception_msg_ is not null or retries_ < 3"));
                checks.put("incidents", restored.count("select count(*) from act_ru_incident"));
                add(SCENARIO, "later timers: most seconds after their due date", restored.string("select "
                        + "max(extract(epoch from (timestamp_ - job_duedate_))) from act_hi_job_log where job_state_ = 2 "
                        + "and job_id_ = any(?)", (Object) later.toArray(String[]::new)));
                add(SCENARIO, "lost, duplicated, failed", checks.values().stream().mapToLong(Long::longValue).sum() == 0
                        ? "0" : checks.toString());
                assertThat(checks).allSatisfy((what, n) -> assertThat(n).as(what).isZero());
                assertThat(Double.parseDouble(restored.string("select max(extract(epoch from (timestamp_ - "
                        + "job_duedate_))) from act_hi_job_log where job_state_ = 2 and job_id_ = any(?)",
                        (Object) later.toArray(String[]::new)))).as("later timers on time (seconds late)")
                        .isLessThan(60);
            }
        }
    }

    /** Row counts of the app's tables, and the waiting tasks and milestone timers. */
    static Map<String, Long> appState(Database db) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] table : db.rows("select table_name from information_schema.tables where table_schema = "
                + "'public' and table_type = 'BASE TABLE' and table_name not like 'act\\_%' and table_name <> "
                + "'flyway_schema_history' order by table_name")) {
            counts.put((String) table[0], db.count("select count(*) from \"" + table[0] + "\""));
        }
        counts.put("act_ru_task", db.count("select count(*) from act_ru_task"));
        counts.put("milestone timers", db.count("select count(*) from act_ru_job j join act_ru_jobdef d on "
                + "d.id_ = j.job_def_id_ where d.act_id_ = ?", MilestoneBurst.TIMER));
        return counts;
    }

    static List<String> ids(Database db, String sql, Object... params) throws Exception {
        return db.rows(sql, params).stream().map(r -> String.valueOf(r[0])).toList();
    }

    /** How many of these timer jobs have run successfully. */
    static long fired(Database db, List<String> jobs) throws Exception {
        return db.count("select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 and job_id_ = any(?)",
                (Object) jobs.toArray(String[]::new));
    }

    static long countOtherThanOnce(Database db, List<String> jobs) throws Exception {
        long once = db.count("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 and "
                + "job_id_ = any(?) group by job_id_ having count(*) = 1) x", (Object) jobs.toArray(String[]::new));
        return jobs.size() - once;
    }

    static boolean await(Database db, List<String> jobs, int expected) throws Exception {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            if (fired(db, jobs) >= expected) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static long ms(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
