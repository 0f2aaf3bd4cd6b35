package org.openperf.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openperf.evaluation.SelfEvaluation;
import org.openperf.evaluation.SelfEvaluationRepository;
import org.openperf.evaluation.SelfEvaluationRoundDelivery;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.evaluation.SheetView;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.Scope;
import org.openperf.targets.PreviousProject;
import org.openperf.targets.PreviousProjects;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only, after {@link DemoData} and {@link DemoMonitoring} (issue 19): a department's tables of one year
 * taken through the whole year on the app's own paths, and their drafts for the next year, so the year-over-year
 * findings have real content on first start.
 * <ol>
 *   <li>every draft of the year never submitted is submitted by its unit and approved by the department and finance
 *       (a table 校验 sends back stays a draft);</li>
 *   <li>finance opens the year's self-evaluation round (a fixed sample seed, so the same tables are re-checked);</li>
 *   <li>each unit reports the actuals of {@link DemoActuals}, the department approves, finance approves the sampled
 *       ones, and the result is published (结果公开) by the process itself;</li>
 *   <li>the next year's drafts of {@link DemoNextYear}, linked to this year's projects by 项目编码 (or unit and name;
 *       where a unit has two tables of one name, by hand as finance).</li>
 * </ol>
 * Safe on every start and on several nodes: approval runs only until the round is open, a self-evaluation is
 * reported only where none was (a user's report is never replaced), and the drafts are created in one transaction
 * holding the department's row, only when the department has none for that year.
 */
@Component
@ConditionalOnProperty(name = "perf.demo.two-years", havingValue = "true")
public class DemoTwoYears {

    private static final Logger log = LoggerFactory.getLogger(DemoTwoYears.class);
    static final int YEAR = 2024;
    static final String DEPARTMENT_CODE = "402";
    /** Finance's re-check sample of the demo round: fixed, so every demo start samples the same tables. */
    static final long SAMPLE_SEED = 2024L;

    private final ProjectService projects;
    private final TaskService tasks;
    private final DemoWorkflow workflow;
    private final SelfEvaluationRounds rounds;
    private final SelfEvaluationSubmissions submissions;
    private final SelfEvaluationRepository evaluations;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PreviousProjects previous;

    DemoTwoYears(ProjectService projects, TaskService tasks, DemoWorkflow workflow,
                 SelfEvaluationRounds rounds, SelfEvaluationSubmissions submissions,
                 SelfEvaluationRepository evaluations, TransactionTemplate tx, JdbcTemplate jdbc, ObjectMapper json,
                 PreviousProjects previous) {
        this.previous = previous;
        this.projects = projects;
        this.tasks = tasks;
        this.workflow = workflow;
        this.rounds = rounds;
        this.submissions = submissions;
        this.evaluations = evaluations;
        this.tx = tx;
        this.jdbc = jdbc;
        this.json = json;
    }

    public void run() {
        run(YEAR, DEPARTMENT_CODE);
    }

    void run(int year, String departmentCode) {
        long started = System.nanoTime();
        if (!roundOpen(year)) {
            approveDrafts(year, departmentCode);
            openRound(year);
        }
        int published = evaluate(year, departmentCode);
        int drafts = 0;
        try {
            drafts = nextYearDrafts(year, departmentCode);
        } catch (RuntimeException e) {
            // All or none: the demo starts without them rather than not at all.
            log.warn("Demo two years: no {} drafts: {}", year + 1, e.getMessage());
        }
        log.info("Demo two years: {} {} tables published (结果公开) this start, {} drafts for {} created, {} ms",
                published, year, drafts, year + 1, (System.nanoTime() - started) / 1_000_000);
    }

    /** The department's tables of the year (their units and departments read inside the transaction). */
    private List<Project> tables(int year, String departmentCode) {
        return tx.execute(t -> projects.tables(year, null, Scope.ALL).stream()
                .filter(p -> p.getUnit() != null && departmentCode.equals(p.getUnit().getDepartment().getCode()))
                .toList());
    }

    private boolean roundOpen(int year) {
        Integer n = jdbc.queryForObject("select count(*) from self_evaluation_round where fiscal_year = ?",
                Integer.class, year);
        return n != null && n > 0;
    }

    /** The unit submits, the department and finance approve: the real workflow, as the demo users would. */
    private void approveDrafts(int year, String departmentCode) {
        int approved = 0;
        for (Project p : tables(year, departmentCode)) {
            if (p.getStatus() != ProjectStatus.DRAFT || p.getSubmittedBy() != null) {
                continue; // approved already (DemoMonitoring), or someone works on it
            }
            try {
                approved += workflow.approve(p) ? 1 : 0;
            } catch (RuntimeException e) {
                // Another node starting at the same moment got there first: left as it is.
                log.warn("Demo two years: “{}” left as it is: {}", p.getName(), e.getMessage());
            }
        }
        log.info("Demo two years: {} more {} tables approved", approved, year);
    }

    private void openRound(int year) {
        try {
            rounds.openRound(year, SAMPLE_SEED, DemoWorkflow.FINANCE);
            // Delivered by the job executor a batch at a time; the demo goes on once every table has its task.
            workflow.settle(SelfEvaluationRoundDelivery.businessKey(year));
        } catch (ConflictException e) {
            log.info("Demo two years: the {} round was opened by another node", year);
        }
    }

    /** Each table whose 绩效自评 waits for a first report: reported, reviewed, re-checked where sampled, published. */
    private int evaluate(int year, String departmentCode) {
        int published = 0;
        for (Project p : tables(year, departmentCode)) {
            Task report = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(p.getId()))
                    .taskDefinitionKey("UserTask_SelfEvaluation").singleResult();
            if (report == null || evaluations.findByProjectIdAndYear(p.getId(), year).isPresent()) {
                continue; // not in the round, done, or a report of a user's (returned for a new one)
            }
            try {
                SelfEvaluationSubmissions.Submission s = tx.execute(t -> DemoActuals.report(
                        projects.table(p.getId()), submissions.prefill(p.getId(), Scope.ALL)));
                submissions.submit(p.getId(), s, DemoWorkflow.unit(p.getUnit().getCode()));
                workflow.settle(p.getId());
                workflow.approveStep(p.getId(), "UserTask_SelfEvaluationReview", "同意", DemoWorkflow.DEPARTMENT);
                workflow.approveStep(p.getId(), "UserTask_FinanceRecheck", "复核无异议", DemoWorkflow.FINANCE);
                published += evaluations.findByProjectIdAndYear(p.getId(), year)
                        .filter(e -> e.getStatus() == SelfEvaluation.Status.PUBLISHED).isPresent() ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Demo two years: the self-evaluation of “{}” left as it is: {}", p.getName(),
                        e.getMessage());
            }
        }
        return published;
    }

    /**
     * Next year's drafts, all in one transaction that holds the department's row: a second node waits for it and
     * then finds the drafts there.
     */
    private int nextYearDrafts(int year, String departmentCode) {
        Integer created = tx.execute(t -> {
            jdbc.queryForList("select id from department where code = ? for update", departmentCode);
            if (!tables(year + 1, departmentCode).isEmpty()) {
                return 0;
            }
            Map<Long, SelfEvaluation> published = evaluations.findByYearOrderByProjectIdAsc(year).stream()
                    .filter(e -> e.getStatus() == SelfEvaluation.Status.PUBLISHED)
                    .collect(Collectors.toMap(SelfEvaluation::getProjectId, Function.identity()));
            int n = 0;
            for (Project p : tables(year, departmentCode)) {
                SheetView sheet = Optional.ofNullable(published.get(p.getId())).map(this::sheet).orElse(null);
                Long draft = projects.create(DemoNextYear.draft(projects.table(p.getId()), sheet, year + 1)).id();
                // Two tables of a unit under one name are linked by nobody automatically: a person says which.
                if (!previous.of(projects.table(draft)).map(PreviousProject::id).filter(p.getId()::equals)
                        .isPresent()) {
                    previous.link(draft, p.getId(), DemoWorkflow.FINANCE);
                }
                n++;
            }
            return n;
        });
        return created == null ? 0 : created;
    }

    private SheetView sheet(SelfEvaluation e) {
        try {
            return json.readValue(e.getSheetJson(), SheetView.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("自评 " + e.getId() + " 的评分表无法读取", ex);
        }
    }
}
