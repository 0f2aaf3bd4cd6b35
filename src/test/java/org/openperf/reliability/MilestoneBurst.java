package org.openperf.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;

/**
 * N approved projects of next year waiting at the same milestone (3月底), and what the milestone timers leave
 * behind once they have all fired.
 *
 * <p>Seeding: the projects (approved, budget 100 万元, no spending plan, so the linear 序时进度 of 25% applies) and
 * their spending readings go in by SQL; their target-monitoring instances are started through /engine-rest as the
 * administrator, before {@code TimerEvent_Milestone} (and the parallel wait for the self-evaluation round), with
 * the variables the approval would have left. The timer's job definition is suspended while seeding, so that
 * all N timers, already due, are released at one instant by activating it: that is "the clock passing the
 * milestone". A third of the projects spent 25 (green), a third 17 (68% of plan: yellow), a third nothing (red);
 * yellow and red get a 偏差说明 task for their unit. The project code carries the expected light: REL-G-…
 */
final class MilestoneBurst {

    static final String TIMER = "TimerEvent_Milestone";
    static final String DEVIATION = "UserTask_DeviationExplanation";
    private static final DateTimeFormatter TIMER_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    final Database db;
    final int projects;
    final int year = java.time.Year.now().getValue() + 1;
    private String jobDefinition;

    MilestoneBurst(Database db, int projects) throws SQLException {
        this.db = db;
        this.projects = projects;
        this.jobDefinition = db.string("select id_ from act_ru_jobdef where act_id_ = ? and proc_def_key_ = "
                + "'target-monitoring'", TIMER);
    }

    /**
     * The seeded state of {@code projects} waiting projects, made once per run in database {@code template} by a
     * node of its own and copied for each scenario (seeding thousands of instances is the slow part).
     */
    static long seedTemplate(String template, int projects, long lockMillis) throws Exception {
        try (Database db = Database.fresh(template);
             AppNode node = new AppNode("seed-node", 18470, template, lockMillis).start()) {
            return new MilestoneBurst(db, projects).seed(new Rest(node.base()));
        }
    }

    long green() {
        return projects / 3;
    }

    long lagging() {
        return projects - green();
    }

    /** Seeds through {@code admin} (one node) and leaves N suspended timer jobs, already due. */
    long seed(Rest admin) throws Exception {
        long t0 = System.nanoTime();
        db.execute("insert into department (code, name) values ('901', '可靠性测试主管部门')");
        db.execute("insert into unit (code, name, department_id) select '901' || lpad(g::text, 3, '0'), "
                + "'可靠性测试单位' || g, (select id from department where code = '901') from generate_series(1, 10) g");
        db.execute("insert into project (fiscal_year, code, name, unit_id, budget, fiscal_funds, other_funds, purpose, "
                + "goal, status, version, submitted_by) select ?, 'REL-' || (case g % 3 when 0 then 'G' when 1 then 'Y' "
                + "else 'R' end) || '-' || lpad(g::text, 6, '0'), '可靠性测试项目' || g, "
                + "(select id from unit where code = '901' || lpad((g % 10 + 1)::text, 3, '0')), 100, 100, 0, "
                + "'培训补贴', '完成年度培训任务', 'APPROVED', 1, 'seed' from generate_series(1, ?) g", year, projects);
        db.execute("insert into execution_reading (project_id, as_of, spent, source, recorded_by, recorded_at) "
                + "select id, make_date(?, 3, 20), case when code like 'REL-G%' then 25 else 17 end, 'API', 'seed', "
                + "now() from project where code like 'REL-G%' or code like 'REL-Y%'", year);

        JsonNode defs = Rest.require(admin.get(AppNode.ADMIN, AppNode.ADMIN_PASSWORD,
                "/engine-rest/job-definition?processDefinitionKey=target-monitoring&activityIdIn=" + TIMER),
                "job definitions").json();
        if (defs.size() != 1) {
            throw new IllegalStateException("expected one job definition for " + TIMER + ": " + defs);
        }
        if (!defs.get(0).get("id").asText().equals(jobDefinition)) {
            throw new IllegalStateException("job definition of " + TIMER + " is not " + jobDefinition);
        }
        Rest.require(admin.put(AppNode.ADMIN, AppNode.ADMIN_PASSWORD, "/engine-rest/job-definition/" + jobDefinition
                + "/suspended", Map.of("suspended", true, "includeJobs", true)), "suspend timer");

        String due = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS)
                .format(TIMER_DATE);
        List<Object[]> rows = db.rows("select p.id, p.name, u.code from project p join unit u on u.id = p.unit_id "
                + "where p.code like 'REL-%' order by p.id");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger failures = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        for (Object[] r : rows) {
            all.add(pool.submit(() -> {
                Rest.Answer a = admin.post(AppNode.ADMIN, AppNode.ADMIN_PASSWORD,
                        "/engine-rest/process-definition/key/target-monitoring/start", start(r, due));
                if (!a.ok() && failures.incrementAndGet() < 3) {
                    System.err.println("start failed " + a.status() + ": " + a.body());
                }
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " monitoring instances could not be started");
        }
        long waiting = db.count("select count(*) from act_ru_job where job_def_id_ = ? and suspension_state_ = 2",
                jobDefinition);
        if (waiting != projects) {
            throw new IllegalStateException("expected " + projects + " suspended milestone timers, found " + waiting);
        }
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }

    private Map<String, Object> start(Object[] row, String due) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("projectId", typed(((Number) row[0]).longValue(), "Long"));
        vars.put("year", typed(year, "Integer"));
        vars.put("unitCode", typed(row[2], "String"));
        vars.put("departmentCode", typed("901", "String"));
        vars.put("milestoneMonth", typed(3, "Integer"));
        vars.put("nextMilestone", typed(due, "String"));
        return Map.of("businessKey", String.valueOf(row[0]), "variables", vars,
                // 绩效运行监控 alone, as the lifecycle calls it (its own process since the split): the burst is its
                // timers; the lifecycle around it adds nothing to them.
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", TIMER)));
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    /** Activates the timers: the burst starts now. */
    long release(Rest admin) {
        long t0 = System.nanoTime();
        Rest.require(admin.put(AppNode.ADMIN, AppNode.ADMIN_PASSWORD, "/engine-rest/job-definition/" + jobDefinition
                + "/suspended", Map.of("suspended", false, "includeJobs", true)), "activate timer");
        return t0;
    }

    long results() throws SQLException {
        return db.count("select count(*) from milestone_result where milestone_month = 3");
    }

    /** Milestone-3 timers not yet fired (the next milestone's timers are months ahead). */
    long remainingTimers() throws SQLException {
        return db.count("select count(*) from act_ru_job where job_def_id_ = ? and duedate_ < now() + interval '1 day'",
                jobDefinition);
    }

    /** Polls until the predicate holds on the result count; false on timeout. */
    boolean awaitResults(LongPredicate until, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (until.test(results())) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Polls until no milestone-3 timer is left; returns the instant (nanoTime) it saw that, or -1 on timeout. */
    long awaitDone(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (remainingTimers() == 0) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
        return -1;
    }

    /** Successful executions of the milestone timer per node (the job log's hostname). */
    Map<String, Long> jobsByNode() throws SQLException {
        return db.counts("select hostname_, count(*) from act_hi_job_log where job_def_id_ = ? and job_state_ = 2 "
                + "group by hostname_ order by hostname_", jobDefinition);
    }

    /** What a user or an auditor would notice, by SQL; each value must be 0 except where said. */
    Map<String, Long> check() throws SQLException {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("projects without their 3月底 result", db.count("select count(*) from project p where p.code like 'REL-%' "
                + "and not exists (select 1 from milestone_result r where r.project_id = p.id and r.milestone_month = 3)"));
        c.put("projects with more than one 3月底 result", db.count("select count(*) from (select project_id from "
                + "milestone_result where milestone_month = 3 group by project_id having count(*) > 1) x"));
        c.put("results with a light other than the spending gives", db.count("select count(*) from milestone_result r "
                + "join project p on p.id = r.project_id where substr(p.code, 5, 1) <> substr(r.light, 1, 1)"));
        c.put("yellow/red projects without exactly one open 偏差说明", db.count("select count(*) from project p where "
                + "p.code not like 'REL-G%' and p.code like 'REL-%' and (select count(*) from act_ru_task t join "
                + "act_ru_execution e on e.id_ = t.proc_inst_id_ where e.business_key_ = cast(p.id as varchar) and "
                + "t.task_def_key_ = ?) <> 1", DEVIATION));
        c.put("green projects with a 偏差说明", db.count("select count(*) from project p where p.code like 'REL-G%' and "
                + "exists (select 1 from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_ where "
                + "e.business_key_ = cast(p.id as varchar) and t.task_def_key_ = ?)", DEVIATION));
        c.put("偏差说明 tasks in history beyond the open ones", db.count("select count(*) from act_hi_taskinst where "
                + "task_def_key_ = ?", DEVIATION) - db.count("select count(*) from act_ru_task where task_def_key_ = ?",
                DEVIATION));
        c.put("green projects not waiting for 6月底", green() - db.count("select count(distinct process_instance_id_) "
                + "from act_ru_job where job_def_id_ = ? and duedate_ > now() + interval '1 day'", jobDefinition));
        c.put("instances with two milestone timers", db.count("select count(*) from (select process_instance_id_ from "
                + "act_ru_job where job_def_id_ = ? group by process_instance_id_ having count(*) > 1) x", jobDefinition));
        c.put("jobs failed or with retries used", db.count("select count(*) from act_ru_job where exception_msg_ is not "
                + "null or retries_ < 3"));
        c.put("incidents", db.count("select count(*) from act_ru_incident"));
        c.put("milestone timers executed successfully more than once or not at all", Math.abs(projects - db.count(
                "select count(*) from act_hi_job_log where job_def_id_ = ? and job_state_ = 2", jobDefinition)));
        return c;
    }

    /** Failed attempts in the job log (an optimistic-locking loser, a failed job): informative, not an error. */
    long failedAttempts() throws SQLException {
        return db.count("select count(*) from act_hi_job_log where job_def_id_ = ? and job_state_ = 1", jobDefinition);
    }
}
