package org.openperf.reliability;

import org.openperf.targets.ProjectMonitoringChanged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.openperf.PerfTargetsApplication;
import org.openperf.evaluation.SelfEvaluationRoundDelivery;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.kernel.Caller;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.ExecutionReadingRepository;
import org.openperf.monitoring.Milestones;
import org.openperf.monitoring.MonitoringReportInput;
import org.openperf.monitoring.MonitoringReportService;
import org.openperf.monitoring.MonitoringRound;
import org.openperf.monitoring.MonitoringRoundDelivery;
import org.openperf.monitoring.MonitoringRoundService;
import org.openperf.review.Decision;
import org.openperf.review.ProjectProcesses;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.Unit;
import org.openperf.targets.UnitRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A province's fifth year (issue 20), seeded in this JVM through the app's services and the engine's API on a
 * database of its own: N completed years, each lifecycle taken through what a real one goes through (approval by
 * unit, department and finance; the 1–6月 监控表 reported and reviewed; its quarterly milestones; the 绩效自评
 * submitted, scored, reviewed, re-checked where sampled and published), with the engine's clock moved through the
 * fiscal year so history, opinions and scores carry that year's dates; then the current year's drafts and open
 * approval tasks. No SQL into the engine's or the app's tables: departments and units through the app's
 * repositories (it has no API for them), everything else through services.
 */
final class FifthYearSeed implements AutoCloseable {

    static final String PASSWORD = "bench";
    static final String FINANCE_USER = "f1";
    static final Caller FINANCE = new Caller(FINANCE_USER, List.of("finance"));

    final int years;
    final int lifecyclesPerYear;
    final int currentYear;
    final int openTasks;
    final int currentProjects;
    final int departments;
    final int units;
    final int threads;
    /** Seconds per phase, in order, for the report. */
    final Map<String, Double> seconds = new LinkedHashMap<>();

    private final ConfigurableApplicationContext context;
    private final ProjectService projects;
    private final ReviewTasks review;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ExecutionReadingRepository readings;
    private final MonitoringRoundService monitoringRounds;
    private final MonitoringReportService reports;
    private final SelfEvaluationRounds evaluationRounds;
    private final SelfEvaluationSubmissions submissions;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final List<String> unitCodes = new ArrayList<>();

    FifthYearSeed(String database, int years, int lifecyclesPerYear, int currentYear, int openTasks,
                  int currentProjects, int departments, int units, int threads) {
        this.years = years;
        this.lifecyclesPerYear = lifecyclesPerYear;
        this.currentYear = currentYear;
        this.openTasks = openTasks;
        this.currentProjects = currentProjects;
        this.departments = departments;
        this.units = units;
        this.threads = threads;
        this.context = new SpringApplicationBuilder(PerfTargetsApplication.class)
                // A profile of its own: neither demo (the default) nor prod (admin from the environment).
                .profiles("fifth-seed")
                // As command-line arguments: they win over application.yaml (default properties would not).
                .run("--server.port=0",
                        "--spring.datasource.url=" + Database.SERVER + database,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true",
                        "--spring.datasource.hikari.maximum-pool-size=" + (threads + 4),
                        "--camunda.bpm.admin-user.id=" + AppNode.ADMIN,
                        "--camunda.bpm.admin-user.password=" + AppNode.ADMIN_PASSWORD,
                        // The seeding runs each project's jobs itself, on its own thread, and the milestone
                        // timers when the clock has passed them; neither the executor nor the tests' stand-in.
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.autoconfigure.exclude=org.openperf.EngineWorkAfterCommit",
                        "--logging.level.org.camunda=WARN");
        this.projects = context.getBean(ProjectService.class);
        this.review = context.getBean(ReviewTasks.class);
        this.tasks = context.getBean(TaskService.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.management = context.getBean(ManagementService.class);
        this.readings = context.getBean(ExecutionReadingRepository.class);
        this.monitoringRounds = context.getBean(MonitoringRoundService.class);
        this.reports = context.getBean(MonitoringReportService.class);
        this.evaluationRounds = context.getBean(SelfEvaluationRounds.class);
        this.submissions = context.getBean(SelfEvaluationSubmissions.class);
        this.tx = context.getBean(TransactionTemplate.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** Everything, oldest year first; the clock is the wall clock again afterwards. */
    void seed() throws Exception {
        try {
            timed("organisation and users", this::organisation);
            for (int y = currentYear - years; y < currentYear; y++) {
                completedYear(y);
            }
            currentYear();
        } finally {
            ClockUtil.reset();
        }
    }

    // ---------------------------------------------------------------------------------- who works in the province

    static String department(int d) {
        return String.valueOf(700 + d);
    }

    /** The department and unit whose users are measured: the first of each. */
    static String measuredDepartment() {
        return department(0);
    }

    static String measuredUnit() {
        return department(0) + "001";
    }

    static String unitUser(String unit) {
        return "u" + unit;
    }

    static String departmentUser(String department) {
        return "d" + department;
    }

    private static Caller unitCaller(String unit) {
        return new Caller(unitUser(unit), List.of("unit-" + unit));
    }

    private static Caller departmentCaller(String unit) {
        String d = unit.substring(0, 3);
        return new Caller(departmentUser(d), List.of("dept-" + d));
    }

    private void organisation() {
        DepartmentRepository departmentRepository = context.getBean(DepartmentRepository.class);
        UnitRepository unitRepository = context.getBean(UnitRepository.class);
        int perDepartment = Math.max(1, units / departments);
        for (int d = 0; d < departments; d++) {
            Department dept = departmentRepository.save(new Department(department(d), "绩效基准主管部门" + department(d)));
            for (int u = 1; u <= perDepartment; u++) {
                String code = department(d) + String.format("%03d", u);
                unitRepository.save(new Unit(code, "绩效基准单位" + code, dept));
                unitCodes.add(code);
            }
        }
        // Only the measured users log in; the others act through the services as callers.
        IdentityService identity = context.getBean(IdentityService.class);
        user(identity, FINANCE_USER, "finance");
        user(identity, departmentUser(measuredDepartment()), "dept-" + measuredDepartment());
        user(identity, unitUser(measuredUnit()), "unit-" + measuredUnit());
    }

    private static void user(IdentityService identity, String id, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            Group g = identity.newGroup(group);
            g.setName(group);
            g.setType("WORKFLOW");
            identity.saveGroup(g);
        }
        User u = identity.newUser(id);
        u.setFirstName(id);
        u.setLastName("绩效基准");
        u.setPassword(PASSWORD);
        identity.saveUser(u);
        identity.createMembership(id, group);
    }

    private String unitOf(int i) {
        return unitCodes.get(i % unitCodes.size());
    }

    /** The same name every year for the i-th table of a unit: the current year's drafts find last year's project. */
    private String nameOf(int i) {
        return "绩效基准项目" + unitOf(i) + "-" + (i / unitCodes.size() + 1);
    }

    private static BigDecimal budgetOf(int i) {
        return BigDecimal.valueOf(100 + (i % 50) * 10L);
    }

    static ProjectForm table(int year, String unit, String name, BigDecimal budget) {
        return new ProjectForm(year, null, name, new ProjectForm.UnitInput(unit, null), null, budget, budget,
                BigDecimal.ZERO, null, "用途", "目标", List.of(), List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")));
    }

    private static ProjectForm.IndicatorInput row(String l1, String l2, String name, String value) {
        return new ProjectForm.IndicatorInput(l1, l2, name, null, new ProjectForm.ValueInput(value), null, null, null);
    }

    // ----------------------------------------------------------------------------------------- a completed year

    private void completedYear(int year) throws Exception {
        Long[] ids = new Long[lifecyclesPerYear];
        at(year, 2, 1);
        timed(year + " approval", () -> parallel(lifecyclesPerYear, i -> ids[i] = approved(year, i)));
        at(year, 7, 5);
        timed(year + " 监控表 1–6月", () -> {
            MonitoringRound round = monitoringRounds.open(year, 6, FINANCE);
            deliver(year + " 监控表 round delivery (within the phase)",
                    MonitoringRoundDelivery.businessKey(round.getId()));
            parallel(lifecyclesPerYear, i -> monitoringReport(ids[i], i, round.getId()));
        });
        at(year + 1, 1, 5);
        timed(year + " milestones", () -> parallel(lifecyclesPerYear, i -> milestones(ids[i])));
        at(year + 1, 3, 1);
        timed(year + " 绩效自评", () -> {
            evaluationRounds.openRound(year, (long) year, FINANCE);
            deliver(year + " 自评 round delivery (within the phase)", SelfEvaluationRoundDelivery.businessKey(year));
            parallel(lifecyclesPerYear, i -> selfEvaluation(ids[i], i));
        });
        long open = runtime.createProcessInstanceQuery().processDefinitionKey(ProjectProcesses.LIFECYCLE)
                .variableValueEquals("year", year).count();
        if (open > 0) {
            throw new IllegalStateException(open + " lifecycles of " + year + " did not complete");
        }
    }

    /** Created by the unit, submitted, approved by department and finance; spent on schedule, quarter by quarter. */
    private Long approved(int year, int i) {
        String unit = unitOf(i);
        BigDecimal budget = budgetOf(i);
        Long id = projects.create(table(year, unit, nameOf(i), budget)).id();
        review.submit(id, "请审核", unitCaller(unit));
        settle(id);
        review.complete(task(id, "UserTask_DepartmentReview").getId(), new Decision("approve", "同意", null),
                departmentCaller(unit));
        review.complete(task(id, "UserTask_FinanceReview").getId(), new Decision("approve", "同意", null), FINANCE);
        settle(id); // 批复, then the lifecycle's start of monitoring (its first milestone timer)
        List<ExecutionReading> spent = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            spent.add(new ExecutionReading(id, LocalDate.of(year, q * 3, 25),
                    budget.multiply(BigDecimal.valueOf(q)).divide(BigDecimal.valueOf(4)),
                    ExecutionReading.Source.API, unitUser(unit)));
        }
        readings.saveAll(spent);
        context.publishEvent(new ProjectMonitoringChanged(id));
        return id;
    }

    /** The unit's 监控表 for 1–6月, reviewed by the department (and finance, where the process asks). */
    private void monitoringReport(Long id, int i, Long roundId) {
        String unit = unitOf(i);
        // Half of each target by the end of June; one table in ten lags on 知晓度 and says why.
        boolean lagging = i % 10 == 0;
        reports.submit(id, new MonitoringReportInput(roundId, null, null, budgetOf(i), List.of(
                line(0, "500", null), line(1, "20", null), line(2, lagging ? "30" : "48", lagging ? "宣传推迟" : null),
                line(3, "45", null))), unitCaller(unit));
        settle(id);
        reviewAll(id, ProjectProcesses.MONITORING_ROUND, unit, "同意");
    }

    private static MonitoringReportInput.Row line(int index, String value, String deviation) {
        return new MonitoringReportInput.Row(index, new BigDecimal(value), null, null, null,
                deviation == null ? null : List.of("其他"), deviation, deviation == null ? "确定能" : "有可能",
                deviation == null ? null : "下半年集中开展", null);
    }

    /** The year is over: every milestone timer of the project's monitoring runs, as the job executor would have. */
    private void milestones(Long id) {
        for (int k = 0; k < 12; k++) {
            ProcessInstance monitoring = instance(id, ProjectProcesses.MONITORING);
            if (monitoring == null) {
                return;
            }
            Job timer = management.createJobQuery().processInstanceId(monitoring.getId()).timers().singleResult();
            if (timer == null) {
                throw new IllegalStateException("project " + id + ": monitoring waits for something else");
            }
            management.executeJob(timer.getId());
            settle(id);
        }
        throw new IllegalStateException("project " + id + ": monitoring did not end");
    }

    /** Submitted by the unit, scored, reviewed by the department, re-checked by finance where sampled, published. */
    private void selfEvaluation(Long id, int i) {
        String unit = unitOf(i);
        BigDecimal budget = budgetOf(i);
        // One table in five falls short on two indicators, so the grades differ.
        boolean short_ = i % 5 == 0;
        submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, budget, short_ ? "部分完成" : "全面完成",
                List.of(actual(0, "500", null), actual(1, short_ ? "30" : "40", short_ ? "报名人数不足" : null),
                        actual(2, short_ ? "85" : "95", short_ ? "宣传覆盖不足" : null), actual(3, "92", null))),
                unitCaller(unit));
        settle(id);
        reviewAll(id, ProjectProcesses.SELF_EVALUATION, unit, "自评属实");
    }

    private static SelfEvaluationSubmissions.IndicatorInput actual(int index, String value, String explanation) {
        return new SelfEvaluationSubmissions.IndicatorInput(index, new BigDecimal(value), null, null, null, null,
                explanation);
    }

    /** Approves each open task of the project in that process as the one whose step it is, until none is left. */
    private void reviewAll(Long id, String processKey, String unit, String comment) {
        for (int k = 0; k < 5; k++) {
            Task t = tasks.createTaskQuery().processDefinitionKey(processKey)
                    .processInstanceBusinessKey(String.valueOf(id)).singleResult();
            if (t == null) {
                return;
            }
            Caller as = t.getTaskDefinitionKey().contains("Finance") ? FINANCE : departmentCaller(unit);
            review.complete(t.getId(), new Decision("approve", comment, null), as);
            settle(id);
        }
        throw new IllegalStateException("project " + id + ": " + processKey + " still has a task");
    }

    // ----------------------------------------------------------------------------------------- the current year

    /**
     * The current year: its drafts, each with its lifecycle waiting at 编制 (the app's own path), and the rest of
     * the open tasks as target-approval instances started at their task (60% 编制, 25% 部门审核, 15% 财政审核) on
     * those projects, in transactions of 250, as the benchmark's task-list scenario does.
     */
    private void currentYear() throws Exception {
        at(currentYear, 1, 15);
        Long[] ids = new Long[currentProjects];
        timed(currentYear + " drafts", () -> parallel(currentProjects, i -> ids[i] = projects.create(
                table(currentYear, unitOf(i), nameOf(i), budgetOf(i))).id()));
        int started = Math.max(0, openTasks - currentProjects);
        timed(currentYear + " open tasks", () -> inBatches(started, i -> {
            int p = i % currentProjects;
            String unit = unitOf(p);
            // Each unit's k-th task takes the next kind: every unit and department gets all three, in any size
            // (by i / units alone, fewer tasks than 12 × units would all be 编制).
            int kind = (i / unitCodes.size() + i) % 20;
            String activity = kind < 12 ? "UserTask_Drafting" : kind < 17 ? "UserTask_DepartmentReview"
                    : "UserTask_FinanceReview";
            Map<String, Object> vars = new HashMap<>();
            vars.put("projectId", ids[p]);
            vars.put("year", currentYear);
            vars.put("unitCode", unit);
            vars.put("departmentCode", unit.substring(0, 3));
            // Listeners skipped: they prepare the drafting form, which the lists do not read.
            runtime.createProcessInstanceByKey(ProjectProcesses.APPROVAL).businessKey(String.valueOf(ids[p]))
                    .setVariables(vars).startBeforeActivity(activity).execute(true, false);
        }));
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private Task task(Long id, String key) {
        Task t = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey(key)
                .singleResult();
        if (t == null) {
            throw new IllegalStateException("project " + id + " has no " + key + " task: "
                    + projects.validate(id, org.openperf.kernel.Scope.ALL));
        }
        return t;
    }

    private ProcessInstance instance(Long id, String processKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult();
    }

    /** Runs the due non-timer jobs of the project's instances (校验, 批复, 评分, …) on this thread until none is left. */
    private void settle(Long id) {
        for (int round = 0; round < 20; round++) {
            List<String> instances = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(id)).list().stream().map(ProcessInstance::getId)
                    .toList();
            List<Job> jobs = instances.isEmpty() ? List.of() : management.createJobQuery()
                    .processInstanceIds(new HashSet<>(instances)).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
            }
        }
        throw new IllegalStateException("project " + id + ": its jobs did not finish");
    }

    /** Runs a round's delivery on this thread, batch after batch as the job executor would, to its end. */
    private void deliver(String what, String businessKey) {
        long t0 = System.nanoTime();
        for (Job job = deliveryJob(businessKey); job != null; job = deliveryJob(businessKey)) {
            management.executeJob(job.getId());
        }
        seconds.put(what, (System.nanoTime() - t0) / 1e9);
    }

    private Job deliveryJob(String businessKey) {
        ProcessInstance delivery = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult();
        return delivery == null ? null
                : management.createJobQuery().processInstanceId(delivery.getId()).messages().singleResult();
    }

    /** The engine's and the app's clock (BusinessClock reads ClockUtil): 10:00 in Beijing on that day. */
    private static void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(year, month, day).atTime(10, 0).atZone(Milestones.ZONE)
                .toInstant()));
    }

    interface Phase {
        void run() throws Exception;
    }

    /**
     * Each phase on fresh statistics, as a province's database has them after autovacuum's analyze: each phase adds
     * a year's rows, and on the statistics of the phase before PostgreSQL planned a message correlation by business
     * key from every subscription of the message, not from the key (docs/performance.md). Not timed.
     */
    private void timed(String phase, Phase work) throws Exception {
        long a0 = System.nanoTime();
        jdbc.execute("analyze");
        seconds.merge("analyze before each phase", (System.nanoTime() - a0) / 1e9, Double::sum);
        long t0 = System.nanoTime();
        work.run();
        double s = (System.nanoTime() - t0) / 1e9;
        seconds.put(phase, s);
        System.out.printf("fifth year seed: %s %.0f s%n", phase, s);
    }

    /** {@code work(i)} for i in 0..n-1 on the seeding threads, each project in the transactions its services open. */
    private void parallel(int n, IntConsumer work) throws Exception {
        run(n, 20, from -> {
            for (int i = from; i < Math.min(n, from + 20); i++) {
                work.accept(i);
            }
        });
    }

    /** The same in transactions of 250. */
    private void inBatches(int n, IntConsumer work) throws Exception {
        run(n, 250, from -> tx.executeWithoutResult(st -> {
            for (int i = from; i < Math.min(n, from + 250); i++) {
                work.accept(i);
            }
        }));
    }

    private void run(int n, int chunk, IntConsumer fromIndex) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> all = Collections.synchronizedList(new ArrayList<>());
            for (int from = 0; from < n; from += chunk) {
                int f = from;
                all.add(pool.submit(() -> fromIndex.accept(f)));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
