package org.openperf.demo;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Finding;
import org.openperf.kernel.Scope;
import org.openperf.review.Decision;
import org.openperf.review.ProjectProcesses;
import org.openperf.review.ReviewTasks;
import org.openperf.review.Steps;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * What the demo data does through the workflow as the demo users: a table submitted by its unit and approved by the
 * department and finance, and the engine's work after a decision (校验, 批复, 评分, 抽样复核判定, 结果公开: jobs
 * after the decision's commit) run at once, so the next step finds its task. A job the job executor took first is
 * waited for.
 */
@Component
@ConditionalOnExpression("'${perf.demo.monitoring:false}' == 'true' or '${perf.demo.two-years:false}' == 'true'")
class DemoWorkflow {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkflow.class);

    static final Caller DEPARTMENT = new Caller("dept402", List.of(Caller.DEPARTMENT_GROUP_PREFIX + "402"));
    static final Caller FINANCE = new Caller("finance", List.of("finance"));

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ReviewTasks review;
    private final TaskService tasks;
    private final ProjectService projects;

    DemoWorkflow(RuntimeService runtime, ManagementService management, ReviewTasks review, TaskService tasks,
                 ProjectService projects) {
        this.runtime = runtime;
        this.management = management;
        this.review = review;
        this.tasks = tasks;
        this.projects = projects;
    }

    /** A preparer of the unit (the demo users of 402001 and 402004 are such callers too). */
    static Caller unit(String code) {
        return new Caller("unit" + code, List.of(Caller.UNIT_GROUP_PREFIX + code));
    }

    /**
     * The unit submits, the department and finance approve: the real workflow. False when 校验 sent the table back
     * to 编制 (a draft for the demo users to fix; its errors are logged).
     */
    boolean approve(Project p) {
        review.submit(p.getId(), "请审核", unit(p.getUnit().getCode()));
        settle(p.getId());
        for (Caller reviewer : List.of(DEPARTMENT, FINANCE)) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(p.getId()))
                    .processDefinitionKey(ProjectProcesses.APPROVAL).singleResult();
            if (task == null || Steps.DRAFTING.equals(task.getTaskDefinitionKey())) {
                log.info("Demo data: “{}” returned by 校验: {}", p.getName(), projects.validate(p.getId(), Scope.ALL)
                        .stream().filter(Finding::isError).map(Finding::message).toList());
                return false;
            }
            review.complete(task.getId(), new Decision("approve", "同意", null), reviewer);
            settle(p.getId());
        }
        return projects.table(p.getId()).getVersion() >= 1;
    }

    /** Completes the project's open task of that step with 同意, if it has one, and runs the work after it. */
    void approveStep(Long projectId, String step, String comment, Caller as) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .taskDefinitionKey(step).singleResult();
        if (task != null) {
            review.complete(task.getId(), new Decision("approve", comment, null), as);
            settle(projectId);
        }
    }

    /** Runs the due non-timer jobs of every instance of the project until none is left. */
    void settle(Long projectId) {
        settle(String.valueOf(projectId));
    }

    /**
     * Runs the due non-timer jobs of every instance with this business key (a project, a round's delivery) until none
     * is left, sharing them with the job executor, for at most two minutes.
     */
    void settle(String businessKey) {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            List<Job> jobs = jobs(businessKey);
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (ProcessEngineException e) {
                    sleep(); // the job executor is running it, or it failed and waits for its retry
                }
            }
        }
        log.warn("Demo data: the jobs of {} did not finish in two minutes; the demo goes on without them",
                businessKey);
    }

    private List<Job> jobs(String businessKey) {
        List<String> instances = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).list().stream()
                .map(ProcessInstance::getId).toList();
        return instances.isEmpty() ? List.of() : management.createJobQuery()
                .processInstanceIds(new HashSet<>(instances)).messages().executable().list();
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
