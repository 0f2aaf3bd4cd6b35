package org.openperf.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Simulated users against one node: preparers resubmit what came back to them, department reviewers and finance
 * approve (sometimes return) what is in their 待办. Each user loops until the deadline: list the first page of
 * 待办, open a project, complete one of the first three tasks of the list (on the busiest day any of the page);
 * users of one group often pick the same task, so some completions race. Users with nothing to do open projects
 * from the project list instead.
 */
final class LoadRun {

    static final String PASSWORD = "load-pw";
    static final String[] DEPARTMENTS = {"911", "912", "913", "914", "915"};

    record User(String id, String role) {
    }

    /** One answer: its kind, status and time taken; {@code at}: when it came ({@link System#nanoTime()}). */
    record Sample(String kind, int status, long nanos, long at) {
    }

    record Attempt(String taskId, String user, int status) {
    }

    final Database db;
    final int year = Year.now().getValue();
    final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
    final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    final List<User> users = new ArrayList<>();
    final List<String> preparers = new ArrayList<>();

    /**
     * The busiest day's mix (BusiestDayBench): besides working the 待办, reviewers look at the monitoring dashboard
     * and finance previews an import of a small workbook (dry run).
     */
    private byte[] previewFile;

    LoadRun(Database db) {
        this.db = db;
    }

    /** A run on a copy of {@code seeded}'s database: the same users, nothing measured yet. */
    LoadRun(Database db, LoadRun seeded) {
        this.db = db;
        this.users.addAll(seeded.users);
        this.preparers.addAll(seeded.preparers);
    }

    LoadRun withImportPreviews(byte[] workbook) {
        this.previewFile = workbook;
        return this;
    }

    private Duration warmup = Duration.ZERO;
    private volatile long measureFrom = Long.MIN_VALUE;

    /**
     * The first part of a run warms the node up (the JIT, the pools, everyone logging in at once): its answers count
     * for errors and conflicts, not for the percentiles ({@link #percentile}, {@link #measured}).
     */
    LoadRun withWarmup(Duration warmup) {
        this.warmup = warmup;
        return this;
    }

    static List<String> units() {
        List<String> units = new ArrayList<>();
        for (String d : DEPARTMENTS) {
            units.add(d + "001");
            units.add(d + "002");
        }
        return units;
    }

    /** Units by SQL (the app has no unit API), users and groups through /engine-rest, tables through /api. */
    long seed(Rest rest, int userCount, int projectCount) throws Exception {
        long t0 = System.nanoTime();
        for (String d : DEPARTMENTS) {
            db.execute("insert into department (code, name) values (?, ?)", d, "负载测试主管部门" + d);
        }
        for (String u : units()) {
            db.execute("insert into unit (code, name, department_id) values (?, ?, (select id from department where "
                    + "code = ?))", u, "负载测试单位" + u, u.substring(0, 3));
        }
        group(rest, "finance", "财政部门");
        for (String d : DEPARTMENTS) {
            group(rest, "dept-" + d, "主管部门" + d);
        }
        for (String u : units()) {
            group(rest, "unit-" + u, "预算单位" + u);
            user(rest, "u" + u, "unit-" + u);
            preparers.add("u" + u);
        }
        int unitUsers = Math.max(1, userCount / 5);
        int financeUsers = Math.max(1, userCount / 5);
        int deptUsers = Math.max(1, userCount - unitUsers - financeUsers);
        for (int i = 0; i < unitUsers; i++) {
            // Each simulated person has an id of their own: two with one id would be one person in two tabs, whose
            // lost races the history cannot tell from a conflict without a race.
            String preparer = preparers.get(i % preparers.size());
            String id = i < preparers.size() ? preparer : preparer + "p" + (i / preparers.size() + 1);
            if (!id.equals(preparer)) {
                user(rest, id, "unit-" + preparer.substring(1));
            }
            users.add(new User(id, "unit"));
        }
        for (int i = 0; i < deptUsers; i++) {
            String d = DEPARTMENTS[i % DEPARTMENTS.length];
            String id = "d" + d + "r" + (i / DEPARTMENTS.length + 1);
            user(rest, id, "dept-" + d);
            users.add(new User(id, "dept"));
        }
        for (int i = 0; i < financeUsers; i++) {
            String id = "f" + (i + 1);
            user(rest, id, "finance");
            users.add(new User(id, "finance"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> all = new ArrayList<>();
        List<String> units = units();
        for (int i = 0; i < projectCount; i++) {
            String unit = units.get(i % units.size());
            int n = i + 1;
            all.add(pool.submit(() -> {
                String preparer = "u" + unit;
                JsonNode p = Rest.require(rest.post(preparer, PASSWORD, "/api/projects", table(n, unit)),
                        "create project").json();
                Rest.require(rest.post(preparer, PASSWORD, "/api/projects/" + p.get("id").asLong() + "/submit",
                        Map.of("comment", "请审核")), "submit");
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        // 校验 is a job after each submission (asyncBefore): the node's job executor runs it a moment later.
        long waiting = 0;
        for (long end = System.nanoTime() + Duration.ofMinutes(2).toNanos(); System.nanoTime() < end; ) {
            waiting = db.count("select count(*) from act_ru_task where task_def_key_ = 'UserTask_DepartmentReview'");
            if (waiting >= projectCount) {
                break;
            }
            Thread.sleep(200);
        }
        if (waiting != projectCount) {
            throw new IllegalStateException("expected " + projectCount + " tables at 部门审核, found " + waiting);
        }
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }

    private Map<String, Object> table(int n, String unit) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("year", year);
        t.put("name", "负载测试项目" + n);
        t.put("unit", Map.of("code", unit));
        t.put("budget", 100);
        t.put("fiscalFunds", 100);
        t.put("otherFunds", 0);
        t.put("purpose", "职业技能培训补贴");
        t.put("goal", "完成年度培训任务");
        t.put("indicators", List.of(
                indicator("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                indicator("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                indicator("效益指标", "社会效益指标", "政策知晓度", "≥95%"),
                indicator("满意度指标", "服务对象满意度指标", "培训对象满意度", "≥90%")));
        return t;
    }

    private static Map<String, Object> indicator(String l1, String l2, String name, String value) {
        return Map.of("level1", l1, "level2", l2, "name", name, "value", value);
    }

    private static void group(Rest rest, String id, String name) {
        if (rest.get(AppNode.ADMIN, AppNode.ADMIN_PASSWORD, "/engine-rest/group/" + id).ok()) {
            return;
        }
        Rest.require(rest.post(AppNode.ADMIN, AppNode.ADMIN_PASSWORD, "/engine-rest/group/create",
                Map.of("id", id, "name", name, "type", "WORKFLOW")), "group " + id);
    }

    private static void user(Rest rest, String id, String group) {
        Rest.require(rest.post(AppNode.ADMIN, AppNode.ADMIN_PASSWORD, "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", id, "lastName", "负载测试", "email", id + "@example.org"),
                "credentials", Map.of("password", PASSWORD))), "user " + id);
        Rest.require(rest.put(AppNode.ADMIN, AppNode.ADMIN_PASSWORD, "/engine-rest/group/" + group + "/members/" + id,
                Map.of()), "membership " + id);
    }

    /** Runs every user until the deadline; returns the elapsed milliseconds. */
    long run(Rest rest, Duration duration, long thinkMillis) throws Exception {
        return run(List.of(rest), duration, thinkMillis);
    }

    /** The same with the users spread over several nodes (user i on node i mod n), as a load balancer would. */
    long run(List<Rest> nodes, Duration duration, long thinkMillis) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        long t0 = System.nanoTime();
        measureFrom = t0 + warmup.toNanos();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            User u = users.get(i);
            Rest node = nodes.get(i % nodes.size());
            Random random = new Random(i);
            all.add(pool.submit(() -> {
                Rest rest = node;
                if (busiestDay()) {
                    pause(random.nextLong(thinkMillis + 1)); // users do not start in step
                    rest = browser(node, u);
                }
                // On the busiest day people think between 0.5 and 1.5 times the think time, not in lockstep.
                Runnable think = busiestDay() ? () -> pause(thinkMillis / 2 + random.nextLong(thinkMillis + 1))
                        : () -> pause(thinkMillis);
                Runnable betweenPages = busiestDay() && !THINK_PER_TURN ? think : () -> { };
                while (System.nanoTime() < deadline) {
                    act(rest, u, random, betweenPages);
                    think.run();
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }

    /**
     * On the busiest day people work in a browser: they log in once and their session carries them (one node per
     * person, as a load balancer's sticky sessions keep it). {@code -Dbench.load.basic=true}: HTTP Basic on every
     * request instead, as scripts call the API (and as runs until the night of 2026-12-04 did).
     */
    private Rest browser(Rest node, User u) {
        if (Boolean.getBoolean("bench.load.basic")) {
            return node;
        }
        long[] nanos = new long[1];
        Rest session = node.loggedIn(u.id(), PASSWORD, nanos);
        samples.add(new Sample("login", 200, nanos[0], System.nanoTime()));
        return session;
    }

    private boolean busiestDay() {
        return previewFile != null;
    }

    /**
     * On the busiest day a person thinks before every request, as a load test's think time means: they read the
     * 待办 page before opening a row and the table before deciding. {@code -Dbench.load.thinkPer=turn}: one pause
     * per turn of list, open and complete, sent back to back (the harsher mix of the runs before 2026-12-05).
     */
    static final boolean THINK_PER_TURN = "turn".equals(System.getProperty("bench.load.thinkPer", "request"));

    private void act(Rest rest, User u, Random random, Runnable betweenPages) {
        if (busiestDay()) {
            int dice = random.nextInt(100);
            if (dice < 10 && !u.role().equals("unit")) {
                record("dashboard", rest.get(u.id(), PASSWORD, "/api/monitoring?year=" + year));
                return;
            }
            if (dice < 20 && u.role().equals("finance")) {
                record("import preview", rest.upload(u.id(), PASSWORD, "/api/imports?dryRun=true&year=" + year,
                        "import-preview.xlsx", previewFile));
                return;
            }
        }
        Rest.Answer list = record("list", rest.get(u.id(), PASSWORD, "/api/tasks?view=todo&size=20"));
        List<JsonNode> rows = new ArrayList<>();
        if (list.ok()) {
            list.json().forEach(rows::add);
        }
        if (rows.isEmpty()) {
            Rest.Answer projects = record("projects", rest.get(u.id(), PASSWORD, "/api/projects?size=20&page="
                    + random.nextInt(5)));
            if (projects.ok() && projects.json().path("content").size() > 0) {
                JsonNode content = projects.json().path("content");
                betweenPages.run();
                record("open", rest.get(u.id(), PASSWORD, "/api/projects/"
                        + content.get(random.nextInt(content.size())).get("id").asLong()));
            }
            return;
        }
        // On the busiest day a department's dozen reviewers work through their shared first page, each taking a
        // row of it (-Dbench.load.pickFrom=3: the first three, as runs before 2026-12-04 night); the reliability
        // run keeps its crowd on the first three rows to provoke races.
        int pickFrom = busiestDay() ? Integer.getInteger("bench.load.pickFrom", rows.size()) : 3;
        JsonNode row = rows.get(random.nextInt(Math.min(pickFrom, rows.size())));
        betweenPages.run();
        record("open", rest.get(u.id(), PASSWORD, "/api/projects/" + row.get("projectId").asLong()));
        String taskId = row.get("taskId").asText();
        betweenPages.run();
        Rest.Answer done = record("complete", rest.post(u.id(), PASSWORD, "/api/tasks/" + taskId + "/complete",
                decision(u, random)));
        attempts.add(new Attempt(taskId, u.id(), done.status()));
    }

    private static Map<String, Object> decision(User u, Random random) {
        int dice = random.nextInt(100);
        return switch (u.role()) {
            case "unit" -> Map.of("comment", "已按意见修改");
            case "dept" -> dice < 80 ? Map.of("decision", "approve", "comment", "同意")
                    : Map.of("decision", "return", "comment", "请补充指标值确定依据");
            default -> dice < 85 ? Map.of("decision", "approve", "comment", "同意")
                    : dice < 95 ? Map.of("decision", "return", "returnTo", "unit", "comment", "预算数需核实")
                    : Map.of("decision", "return", "returnTo", "department", "comment", "请部门复核");
        };
    }

    /** The first answers that were neither 2xx nor a 409 conflict, with their bodies, for the report. */
    final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

    private Rest.Answer record(String kind, Rest.Answer a) {
        samples.add(new Sample(kind, a.status(), a.nanos(), System.nanoTime()));
        if (!a.ok() && a.status() != 409 && unexpected.size() < 10) {
            String body = a.body() == null ? "" : a.body().replaceAll("\\s+", " ");
            unexpected.add(kind + " " + a.status() + ": " + body.substring(0, Math.min(200, body.length())));
        }
        return a;
    }

    /** Status codes of a kind of request, with their counts. */
    Map<Integer, Long> statuses(String kind) {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        samples.stream().filter(s -> s.kind().equals(kind)).forEach(s -> out.merge(s.status(), 1L, Long::sum));
        return out;
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- figures and checks

    long count(String kind, java.util.function.IntPredicate status) {
        return samples.stream().filter(s -> (kind == null || s.kind().equals(kind)) && status.test(s.status())).count();
    }

    /** Answers of a kind (null: all) that came after the warm-up. */
    long measured(String kind) {
        return samples.stream().filter(s -> s.at() >= measureFrom && (kind == null || s.kind().equals(kind))).count();
    }

    /** Percentile in milliseconds of the samples of a kind (null: all) that came after the warm-up. */
    double percentile(String kind, double p) {
        return percentile(kind, p, true);
    }

    /** The same over the whole run ({@code afterWarmup} false), the warm-up included. */
    double percentile(String kind, double p, boolean afterWarmup) {
        List<Long> ns = new ArrayList<>(samples.stream().filter(s -> kind == null || s.kind().equals(kind))
                .filter(s -> !afterWarmup || s.at() >= measureFrom).map(Sample::nanos).toList());
        if (ns.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(ns);
        int i = (int) Math.ceil(p / 100.0 * ns.size()) - 1;
        return ns.get(Math.max(0, Math.min(i, ns.size() - 1))) / 1e6;
    }

    /** 409s whose task was not completed by another user: a conflict where there was no race. */
    long conflictsWithoutRace() throws SQLException {
        long bad = 0;
        for (Attempt a : attempts) {
            if (a.status() == 409 && db.count("select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not "
                    + "null and assignee_ is not null and assignee_ <> ?", a.taskId(), a.user()) == 0) {
                bad++;
            }
        }
        return bad;
    }

    /** Tasks more than one user tried to complete. */
    long raced() {
        Map<String, java.util.Set<String>> byTask = new java.util.HashMap<>();
        for (Attempt a : attempts) {
            byTask.computeIfAbsent(a.taskId(), k -> new java.util.HashSet<>()).add(a.user());
        }
        return byTask.values().stream().filter(s -> s.size() > 1).count();
    }

    /** Tasks with more than one decision recorded in the history (a duplicated step). */
    long tasksDecidedTwice() throws SQLException {
        return db.count("select count(*) from (select task_id from review_opinion where task_id is not null group by "
                + "task_id having count(*) > 1) x");
    }

    long decisionsRecorded() throws SQLException {
        return db.count("select count(*) from review_opinion where task_id is not null");
    }
}
