package org.openperf.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.openperf.security.Caller;
import org.openperf.security.EngineAccess;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working the approval tasks: submit, approve or return with an opinion, withdraw, claim, transfer (转办) and
 * delegate (委派). Every action is checked against the caller's groups and recorded in the project's history in
 * the same transaction as the engine's step, so a lost race records nothing.
 */
@Service
public class ReviewTasks {

    private static final Set<String> APPROVAL_STEPS = Set.of(Steps.DRAFTING, Steps.DEPARTMENT_REVIEW,
            Steps.FINANCE_REVIEW);
    /** What {@link #step} reads of a task's instance: its project, and the routing variables it may hold. */
    private static final String[] STEP_VARIABLES = Stream.concat(Stream.of("projectId"),
            RoutingVariables.ALL.stream()).toArray(String[]::new);

    private final TaskService tasks;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final ReviewService review;
    private final ProjectService projects;
    private final EngineAccess engine;

    public ReviewTasks(TaskService tasks, HistoryService history, RuntimeService runtime, ReviewService review,
                       ProjectService projects, EngineAccess engine) {
        this.engine = engine;
        this.tasks = tasks;
        this.history = history;
        this.runtime = runtime;
        this.review = review;
        this.projects = projects;
    }

    /** The task if the caller may act on it: a candidate through one of their groups, its assignee or owner. */
    public Task visibleTask(String taskId, Caller caller) {
        Task task = visible(tasks.createTaskQuery().taskId(taskId), caller);
        if (task != null) {
            return task;
        }
        task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null && engine.asSystem(
                () -> history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()) > 0) {
            // A second click, or the loser of a race: the task was completed a moment ago.
            throw new TaskConflictException("任务已办理完毕，不能重复办理");
        }
        if (task == null || !mayAct(task, caller)) {
            throw new TaskNotFoundException(taskId);
        }
        return task;
    }

    /**
     * The task of the query if the caller is its assignee or owner or a candidate through one of their groups, in
     * one statement; null otherwise (then {@link #mayAct} also looks at candidate users, the rare case).
     */
    private Task visible(TaskQuery query, Caller caller) {
        if (caller.userId() == null) {
            return null;
        }
        TaskQuery or = query.or().taskAssignee(caller.userId()).taskOwner(caller.userId());
        if (!caller.groups().isEmpty()) {
            or.taskCandidateGroupIn(caller.groups()).includeAssignedTasks();
        }
        return or.endOr().singleResult();
    }

    boolean mayAct(Task task, Caller caller) {
        if (caller.userId() == null) {
            return false;
        }
        if (caller.userId().equals(task.getAssignee()) || caller.userId().equals(task.getOwner())) {
            return true;
        }
        List<IdentityLink> links;
        try {
            // This check is the API's own rule, so the links are read on the system's authority.
            links = engine.asSystem(() -> tasks.getIdentityLinksForTask(task.getId()));
        } catch (NullValueException e) {
            // Completed by someone else since it was looked up: its links went with it.
            throw new TaskConflictException("任务“" + task.getName() + "”刚刚已被他人办理，请刷新任务列表");
        }
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (caller.userId().equals(link.getUserId()) || caller.groups().contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    @Transactional
    public void claim(String taskId, Caller caller) {
        racing(taskId, () -> claimFor(visibleTask(taskId, caller), caller));
    }

    /**
     * Camunda reads a task, its identity links and its execution in separate statements; when a colleague completes
     * the task in between, the engine fails in odd ways (a NullPointerException inside a claim, no links, so "not
     * yours"). Whatever failed, if the task has been completed meanwhile this request lost a race: 409.
     */
    private void racing(String taskId, Runnable work) {
        try {
            work.run();
        } catch (TaskConflictException | ReviewForbiddenException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            if (completedMeanwhile(taskId)) {
                throw new TaskConflictException("任务已办理完毕，不能重复办理");
            }
            throw e;
        }
    }

    private boolean completedMeanwhile(String taskId) {
        try {
            return engine.asSystem(() -> tasks.createTaskQuery().taskId(taskId).count() == 0
                    && history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0);
        } catch (RuntimeException e) {
            return false; // the database refuses more reads in this transaction: report the original failure
        }
    }

    /**
     * Completes the caller's task. On 编制 it is the submission (validation runs next); on the review steps the
     * decision is required, a return needs an opinion, and the submitter cannot approve their own table.
     */
    @Transactional
    public void complete(String taskId, Decision d, Caller caller) {
        racing(taskId, () -> complete(visibleTask(taskId, caller), d, caller));
    }

    private void complete(Task task, Decision d, Caller caller) {
        if (APPROVAL_STEPS.contains(task.getTaskDefinitionKey())
                && task.getDelegationState() != DelegationState.PENDING) {
            // The step's complete listener decides (FormDecisions#completed), inside the completion, where the
            // engine has the instance's project and variables at hand: no variable query of its own beforehand.
            Decision decided;
            if (Steps.DRAFTING.equals(task.getTaskDefinitionKey())) {
                decided = new Decision("submit", d == null ? null : d.comment(), null);
            } else {
                checkDecisionShape(d);
                decided = d;
            }
            finish(task, caller, new HashMap<>(), decided);
            return;
        }
        Step step = step(task);
        Map<String, Object> vars = decide(task.getId(), task.getTaskDefinitionKey(), step.projectId(), d, caller);
        if (APPROVAL_STEPS.contains(task.getTaskDefinitionKey()) && !step.holdsStoredRouting()) {
            vars.replaceAll((name, value) -> RoutingVariables.DECISION.contains(name)
                    ? Variables.untypedValue(value, true) : value);
        }
        finish(task, caller, vars, null); // checked and recorded: the listener only assigns
    }

    /**
     * The rules and the history of one decision, wherever it is made (the task API, or a Camunda Form in Tasklist
     * through the tasks' complete listener): checks it, records it and returns the variables the gateways read.
     */
    @Transactional
    public Map<String, Object> decide(String taskId, String taskKey, Long projectId, Decision d, Caller caller) {
        String step = Steps.name(taskKey);
        Map<String, Object> vars = new HashMap<>();
        if (Steps.MONITORING_REPORT.equals(taskKey)) {
            // The report carries the whole 监控表; its service checks and stores it, then completes the task.
            throw new ReviewForbiddenException("监控表须通过 POST /api/projects/" + projectId
                    + "/monitoring-report 填报（含执行数和各指标 1–N月完成值），不能直接办理此任务");
        } else if (Steps.MONITORING_DEPARTMENT_REVIEW.equals(taskKey)) {
            if (d == null || (!d.isApprove() && !d.isReturn())) {
                throw new IllegalArgumentException("审核结论 decision 必须为 approve（同意）或 return（退回）");
            }
            if (d.isReturn() && blankToNull(d.comment()) == null) {
                throw new IllegalArgumentException("退回监控表时必须填写审核意见");
            }
            vars.put("decision", d.decision());
            vars.put("comment", blankToNull(d.comment()));
            review.record(projectId, taskId, step, d.decision(), caller.userId(), blankToNull(d.comment()));
        } else if (Steps.MONITORING_FINANCE_REVIEW.equals(taskKey)) {
            // 财政审核监控表: approve, or issue a rectification requirement (退回 means the same here).
            boolean rectify = d != null && ("rectify".equals(d.decision()) || d.isReturn());
            if (d == null || (!d.isApprove() && !rectify)) {
                throw new IllegalArgumentException("审核结论 decision 必须为 approve（同意）或 rectify（下达整改要求）");
            }
            if (rectify && blankToNull(d.comment()) == null) {
                throw new IllegalArgumentException("下达整改要求时必须在 comment 中写明整改要求");
            }
            vars.put("decision", rectify ? "rectify" : "approve");
            // The requirement is what the unit's 整改反馈 form shows; its own answer goes into an empty comment.
            vars.put("rectificationRequirement", rectify ? blankToNull(d.comment()) : null);
            vars.put("comment", null);
            review.record(projectId, taskId, step, rectify ? "rectify" : "approve", caller.userId(),
                    blankToNull(d.comment()));
        } else if (Steps.RECTIFICATION.equals(taskKey)) {
            if (d == null || blankToNull(d.comment()) == null) {
                throw new IllegalArgumentException("整改反馈须在 comment 中写明整改情况");
            }
            vars.put("comment", blankToNull(d.comment()));
            review.record(projectId, taskId, step, "answer", caller.userId(), blankToNull(d.comment()));
        } else if (Steps.DRAFTING.equals(taskKey)) {
            vars.put("submitter", caller.userId());
            review.record(projectId, taskId, step, "submit", caller.userId(), blankToNull(d == null ? null : d.comment()));
        } else {
            checkDecision(d, caller, projectId);
            vars.put("decision", d.decision());
            vars.put("comment", blankToNull(d.comment()));
            vars.put("returnTo", Steps.FINANCE_REVIEW.equals(taskKey)
                    && "department".equals(d.returnTo()) ? "department" : "unit");
            if (d.isApprove()) {
                vars.put("lastApprover", caller.userId());
            }
            review.record(projectId, taskId, step, d.isApprove() ? "approve"
                    : "department".equals(vars.get("returnTo")) ? "return-department" : "return", caller.userId(),
                    blankToNull(d.comment()));
        }
        return vars;
    }

    /**
     * Completes a task whose work the calling service has already checked and recorded (a 监控表 stored with its
     * data): the same visibility, claim and race rules as {@link #complete}, without a review decision.
     */
    @Transactional
    public void completeRecorded(String taskId, Caller caller, Map<String, Object> variables) {
        Task task = visibleTask(taskId, caller);
        finish(task, caller, new HashMap<>(variables), null);
    }

    /** 撤回: the submitter takes the table back while the department has not touched it yet. */
    @Transactional
    public void withdraw(Long projectId, Caller caller) {
        // Another unit's project answers as a missing one does, before anything names it.
        Project p = projects.table(projectId, caller.scope());
        // The department's task is not the preparer's to see: the rules below decide, on the system's authority.
        Task next = engine.asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .taskDefinitionKey(Steps.DEPARTMENT_REVIEW).singleResult());
        if (next == null) {
            throw new ReviewForbiddenException("项目“" + p.getName() + "”当前不在部门审核环节，无法撤回");
        }
        if (caller.userId() == null || !caller.userId().equals(p.getSubmittedBy())) {
            throw new ReviewForbiddenException("只有提交人可以撤回");
        }
        if (next.getAssignee() != null || review.touched(next.getId())) {
            throw new TaskConflictException("部门审核已开始办理（" + (next.getAssignee() == null ? "已有处理记录"
                    : "已由 " + next.getAssignee() + " 签收") + "），无法撤回");
        }
        try {
            engine.asSystem(() -> runtime.createProcessInstanceModification(next.getProcessInstanceId())
                    .cancelAllForActivity(Steps.DEPARTMENT_REVIEW)
                    .startBeforeActivity(Steps.DRAFTING)
                    .execute());
        } catch (OptimisticLockingException e) {
            throw new TaskConflictException("部门审核刚刚开始办理，无法撤回");
        }
        review.record(projectId, next.getId(), "编制", "withdraw", caller.userId(), "提交人撤回");
    }

    /** 提交: completes the project's 编制 task for the caller. */
    @Transactional
    public void submit(Long projectId, String comment, Caller caller) {
        Task visible = visible(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .taskDefinitionKey(Steps.DRAFTING), caller);
        Task task = visible != null ? visible : tasks.createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(projectId)).taskDefinitionKey(Steps.DRAFTING).singleResult();
        if (task == null || (visible == null && !mayAct(task, caller))) {
            projects.table(projectId); // 404 for an unknown project
            throw new ReviewForbiddenException("项目当前不在编制环节，或您不是该单位的编制人");
        }
        racing(task.getId(), () -> complete(task, new Decision("submit", comment, null), caller));
    }

    /** 转办: hands the task over to another user, who becomes its assignee. */
    @Transactional
    public void transfer(String taskId, String toUser, String comment, Caller caller) {
        Task task = visibleTask(taskId, caller);
        requireUser(toUser);
        claimFor(task, caller);
        tasks.setAssignee(taskId, toUser);
        review.record(projectId(task), taskId, Steps.name(task.getTaskDefinitionKey()), "transfer", caller.userId(),
                "转办给 " + toUser + (blankToNull(comment) == null ? "" : "：" + comment));
    }

    /** 委派: asks another user to handle the task; when they complete it, it comes back to the caller. */
    @Transactional
    public void delegate(String taskId, String toUser, String comment, Caller caller) {
        Task task = visibleTask(taskId, caller);
        requireUser(toUser);
        claimFor(task, caller);
        tasks.delegateTask(taskId, toUser);
        review.record(projectId(task), taskId, Steps.name(task.getTaskDefinitionKey()), "delegate", caller.userId(),
                "委派给 " + toUser + (blankToNull(comment) == null ? "" : "：" + comment));
    }

    public Long projectId(Task task) {
        // From history: the instance may have ended a moment ago (another reviewer's approval finished it).
        HistoricProcessInstance pi = engine.asSystem(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult());
        return Long.valueOf(pi.getBusinessKey());
    }

    private void checkDecision(Decision d, Caller caller, Long projectId) {
        checkDecisionShape(d);
        if (d.isApprove() && caller.userId().equals(projects.submitter(projectId))) {
            throw new ReviewForbiddenException("提交人不能审批自己提交的目标表");
        }
    }

    /** What a review decision must hold, before anything is read or written. */
    private static void checkDecisionShape(Decision d) {
        if (d == null || (!d.isApprove() && !d.isReturn())) {
            throw new IllegalArgumentException("审批结论 decision 必须为 approve（同意）或 return（退回）");
        }
        if (d.isReturn() && blankToNull(d.comment()) == null) {
            throw new IllegalArgumentException("退回时必须填写审批意见");
        }
        if (d.returnTo() != null && !List.of("unit", "department").contains(d.returnTo())) {
            throw new IllegalArgumentException("退回对象 returnTo 必须为 unit（退回单位）或 department（退回部门）");
        }
    }

    private void claimFor(Task task, Caller caller) {
        if (task.getAssignee() == null) {
            try {
                tasks.claim(task.getId(), caller.userId());
            } catch (ProcessEngineException e) {
                throw conflict(task);
            }
        } else if (!task.getAssignee().equals(caller.userId())) {
            throw new TaskConflictException("任务已由 " + task.getAssignee() + " 签收办理");
        }
    }

    /** Completes the task for the caller; {@code decision}: for the step's listener to check and record, or null. */
    private void finish(Task task, Caller caller, Map<String, Object> vars, Decision decision) {
        try {
            if (task.getDelegationState() == DelegationState.PENDING) {
                // A delegated task goes back to its owner, who then decides.
                tasks.resolveTask(task.getId(), vars);
                return;
            }
            String completedBy = null;
            if (task.getAssignee() == null && APPROVAL_STEPS.contains(task.getTaskDefinitionKey())) {
                // Assigned by the step's complete listener (FormDecisions), inside the completion: history names
                // who completed it without a claim of its own (about 8 statements less per step).
                completedBy = caller.userId();
            } else {
                claimFor(task, caller);
            }
            ApiCompletion.run(new ApiCompletion.Completion(task.getId(), completedBy, decision),
                    () -> tasks.complete(task.getId(), vars));
        } catch (OptimisticLockingException | NullValueException e) {
            throw conflict(task);
        } catch (ProcessEngineException e) {
            // The complete listener (FormDecisions) refused: the step was claimed by someone else since it was
            // read, or the submitter approves their own table. The engine wraps what its listeners throw.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TaskConflictException c) {
                    throw c;
                }
                if (t instanceof ReviewForbiddenException f) {
                    throw f;
                }
            }
            throw e;
        }
    }

    /** The project of a task's instance, and whether the instance holds stored routing variables (RoutingVariables). */
    record Step(Long projectId, boolean holdsStoredRouting) {
    }

    /** Both in one variable query; the project from history when the instance has just ended (a race). */
    private Step step(Task task) {
        List<VariableInstance> vars = engine.asSystem(() -> runtime
                .createVariableInstanceQuery().processInstanceIdIn(task.getProcessInstanceId())
                .variableNameIn(STEP_VARIABLES)
                .disableBinaryFetching().list());
        Long projectId = vars.stream().filter(v -> "projectId".equals(v.getName()) && v.getValue() instanceof Number)
                .map(v -> ((Number) v.getValue()).longValue()).findFirst().orElseGet(() -> projectId(task));
        return new Step(projectId, vars.stream().anyMatch(v -> !"projectId".equals(v.getName())));
    }

    private void requireUser(String userId) {
        if (blankToNull(userId) == null) {
            throw new IllegalArgumentException("请指定接收人 userId");
        }
    }

    private static TaskConflictException conflict(Task task) {
        return new TaskConflictException("任务“" + task.getName() + "”已被他人办理，请刷新任务列表");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
