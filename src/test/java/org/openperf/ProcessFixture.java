package org.openperf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.kernel.Caller;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ProjectProcesses;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.openperf.targets.UnitRepository;
import org.springframework.context.ApplicationContext;

/**
 * What the Spring process tests set up alike: Qingdao's department and units, a target table of unit 402001 for a
 * year, that table as a draft (which starts its target-lifecycle) or approved by unit, department and finance, the
 * project's instances and tasks, and a step completed as a user through the task API. A plain object over the
 * test's own context (not a bean, so the cached Spring context stays the same for every test).
 */
public final class ProcessFixture {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ProjectService projects;
    private final ReviewTasks work;
    private final ManagementService management;
    private final SelfEvaluationSubmissions submissions;

    private ProcessFixture(ApplicationContext context) {
        this.submissions = context.getBean(SelfEvaluationSubmissions.class);
        this.management = context.getBean(ManagementService.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.tasks = context.getBean(TaskService.class);
        this.projects = context.getBean(ProjectService.class);
        this.work = context.getBean(ReviewTasks.class);
    }

    /** For a test's {@code @BeforeEach}: process assertions on this context's engine, Qingdao's units in place. */
    public static ProcessFixture of(ApplicationContext context) {
        AbstractAssertions.init(context.getBean(ProcessEngine.class));
        TestUnits.ensureQingdao(context.getBean(DepartmentRepository.class), context.getBean(UnitRepository.class));
        return new ProcessFixture(context);
    }

    /** A table of unit 402001 for the year: 100 万元, no spending plan, the four indicators of {@link Table}. */
    public static Table table(int year, String name) {
        return new Table(year, name);
    }

    public static ProjectForm.IndicatorInput row(String level1, String level2, String name, String value) {
        return new ProjectForm.IndicatorInput(level1, level2, name, null, new ProjectForm.ValueInput(value), null, null,
                null);
    }

    /** Creates the draft; its target-lifecycle starts with it and waits at 编制. */
    public Long draft(Table table) {
        return draft(table.form());
    }

    public Long draft(ProjectForm form) {
        return projects.create(form).id();
    }

    /** Creates the draft and takes it through approval: submitted by the unit, approved by department and finance. */
    public Long approved(Table table) {
        Long id = draft(table);
        approve(id);
        return id;
    }

    public void approve(Long id) {
        Approvals.approve(work, tasks, id);
    }

    /**
     * The approved project's self-evaluation taken to 结果公开: the unit submits these actuals, the department
     * approves, finance re-checks it where it was sampled. The year's self-evaluation round must be open.
     */
    public void publishSelfEvaluation(Long id, SelfEvaluationSubmissions.Submission actuals) {
        submissions.submit(id, actuals, Approvals.UNIT);
        work.complete(taskIn(id, ProjectProcesses.SELF_EVALUATION).getId(), new Decision("approve", "同意", null),
                Approvals.DEPT);
        Task recheck = taskIn(id, ProjectProcesses.SELF_EVALUATION);
        if (recheck != null && "UserTask_FinanceRecheck".equals(recheck.getTaskDefinitionKey())) {
            work.complete(recheck.getId(), new Decision("approve", "复核无异议", null), Approvals.FINANCE);
        }
    }

    /** One indicator's actual value for a submission, with the explanation a missed target needs (or null). */
    public static SelfEvaluationSubmissions.IndicatorInput actual(int index, String value, String explanation) {
        return new SelfEvaluationSubmissions.IndicatorInput(index, new BigDecimal(value), null, null, null, null,
                explanation);
    }

    public ProcessInstance lifecycle(Long id) {
        return instance(id, ProjectProcesses.LIFECYCLE);
    }

    public ProcessInstance approval(Long id) {
        return instance(id, ProjectProcesses.APPROVAL);
    }

    /** The project's target-monitoring (the milestone loop), called by its lifecycle once approved. */
    public ProcessInstance monitoring(Long id) {
        return instance(id, ProjectProcesses.MONITORING);
    }

    /** The project's self-evaluation, called by its lifecycle when the year's round opens. */
    public ProcessInstance selfEvaluation(Long id) {
        return instance(id, ProjectProcesses.SELF_EVALUATION);
    }

    /** The project's open monitoring-round instances (one per round it is reporting in). */
    public List<ProcessInstance> monitoringRounds(Long id) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProjectProcesses.MONITORING_ROUND)
                .processInstanceBusinessKey(String.valueOf(id)).list();
    }

    /** The project's milestone timer (in its target-monitoring), or null. */
    public Job milestoneTimer(Long id) {
        ProcessInstance monitoring = monitoring(id);
        return monitoring == null ? null
                : management.createJobQuery().processInstanceId(monitoring.getId()).timers().singleResult();
    }

    private ProcessInstance instance(Long id, String processKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult();
    }

    /** The project's open task of that step (task definition key), or null. */
    public Task task(Long id, String step) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey(step)
                .singleResult();
    }

    /** The project's one open task in that process (target-approval, self-evaluation…), or null. */
    public Task taskIn(Long id, String processKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).processDefinitionKey(processKey)
                .singleResult();
    }

    /** Completes the project's open task of that step as the user would through the task API. */
    public void complete(Long id, String step, Decision decision, Caller as) {
        work.complete(task(id, step).getId(), decision, as);
    }

    /**
     * A target table being written: 培训标准 ≤550 元/人天, 每期培训人数 ≥40 人, 知晓度 ≥95%, 满意度 ≥90% (one per
     * level-1 kind, so the default weights are 25, 25, 30 and 10), each replaceable by its index.
     */
    public static final class Table {

        private final int year;
        private final String name;
        private String budget = "100";
        private String purpose = "用途";
        private String goal = "目标";
        private List<ProjectView.PlanRow> plan = List.of();
        private final List<ProjectForm.IndicatorInput> indicators = new ArrayList<>(List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")));

        private Table(int year, String name) {
            this.year = year;
            this.name = name;
        }

        /** Budget and fiscal funds (万元), no other funds. */
        public Table budget(String amount) {
            this.budget = amount;
            return this;
        }

        public Table texts(String purpose, String goal) {
            this.purpose = purpose;
            this.goal = goal;
            return this;
        }

        public Table plan(List<ProjectView.PlanRow> plan) {
            this.plan = plan;
            return this;
        }

        /** Replaces the name and value of indicator {@code index} (0–3), keeping its kind. */
        public Table indicator(int index, String name, String value) {
            ProjectForm.IndicatorInput old = indicators.get(index);
            indicators.set(index, row(old.level1(), old.level2(), name, value));
            return this;
        }

        public ProjectForm form() {
            return new ProjectForm(year, null, name, new ProjectForm.UnitInput("402001", null), null,
                    new BigDecimal(budget), new BigDecimal(budget), BigDecimal.ZERO, null, purpose, goal, plan,
                    List.copyOf(indicators));
        }
    }
}
