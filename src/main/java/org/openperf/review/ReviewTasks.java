package org.openperf.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.ForbiddenException;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task commands (which tasks are the caller's: {@link TaskAccess}). Working the approval tasks: submit, approve or return with an opinion, withdraw, claim, transfer (转办) and
 * delegate (委派). Every action is checked against the caller's groups and recorded in the project's history in
 * the same transaction as the engine's step, so a lost race records nothing.
 */
@Service
public class ReviewTasks {

    private final TaskService tasks;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final ReviewService review;
    private final ProjectService projects;
    private final EngineAccess engine;
    private final IdentityService identity;
    private final TaskAccess access;

    public ReviewTasks(TaskService tasks, HistoryService history, RuntimeService runtime, ReviewService review,
                       ProjectService projects, EngineAccess engine, IdentityService identity, TaskAccess access) {
        this.access = access;
        this.engine = engine;
        this.identity = identity;
        this.tasks = tasks;
        this.history = history;
        this.runtime = runtime;
        this.review = review;
        this.projects = projects;
    }

    @Transactional
    public void claim(String taskId, Caller caller) {
        racing(taskId, () -> claimFor(access.visibleTask(taskId, caller), caller));
    }

    /**
     * Camunda reads a task, its identity links and its execution in separate statements; when a colleague completes
     * the task in between, the engine fails in odd ways (a NullPointerException inside a claim, no links, so "not
     * yours"). Whatever failed, if the task has been completed meanwhile this request lost a race: 409.
     */
    private void racing(String taskId, Runnable work) {
        try {
            work.run();
        } catch (ConflictException | ForbiddenException | IllegalArgumentException e) {
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
        racing(taskId, () -> complete(access.visibleTask(taskId, caller), d, caller));
    }

    private void complete(Task task, Decision d, Caller caller) {
        if (task.getDelegationState() == DelegationState.PENDING) {
            // 委派: the delegate's opinion is recorded and the task goes back to its owner, who then decides.
            ReviewDecisions.checkShape(d, Steps.FINANCE_REVIEW.equals(task.getTaskDefinitionKey()));
            review.record(access.projectId(task), task.getId(), Steps.name(task.getTaskDefinitionKey()), d.decision(),
                    caller.userId(), blankToNull(d.comment()));
            finish(task, caller, Map.of(), false);
            return;
        }
        if (Steps.DEPARTMENT_REVIEW.equals(task.getTaskDefinitionKey())
                || Steps.FINANCE_REVIEW.equals(task.getTaskDefinitionKey())) {
            // Refused before anything is read or written; the step's rule checks it again inside the completion.
            ReviewDecisions.checkShape(d, Steps.FINANCE_REVIEW.equals(task.getTaskDefinitionKey()));
        }
        // The step's rule (StepRules) checks and records the decision inside the completion, where the engine has
        // the instance at hand: the same rule as for a completion from Tasklist or Camunda's REST API.
        Map<String, Object> fields = new HashMap<>();
        if (d != null) {
            fields.put("decision", d.decision());
            fields.put("comment", d.comment());
            fields.put("returnTo", d.returnTo());
        }
        fields.values().removeIf(java.util.Objects::isNull);
        finish(task, caller, fields, false);
    }

    /**
     * Completes a task whose work the calling service has already checked and recorded (a 监控表 stored with its
     * data): the same visibility, claim and race rules as {@link #complete}, without a review decision.
     */
    @Transactional
    public void completeRecorded(String taskId, Caller caller, Map<String, Object> variables) {
        Task task = access.visibleTask(taskId, caller);
        finish(task, caller, new HashMap<>(variables), true);
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
        Task task = access.taskOfProject(projectId, Steps.DRAFTING, caller);
        if (task == null) {
            projects.table(projectId, caller.scope()); // 404 for an unknown project and for another unit's
            throw new ReviewForbiddenException("项目当前不在编制环节，或您不是该单位的编制人");
        }
        racing(task.getId(), () -> complete(task, new Decision("submit", comment, null), caller));
    }

    /** 转办: hands the task over to another user, who becomes its assignee. */
    @Transactional
    public void transfer(String taskId, String toUser, String comment, Caller caller) {
        Task task = access.visibleTask(taskId, caller);
        String to = mayWork(task, toUser, caller);
        claimFor(task, caller);
        // Checked above against the step's candidates: candidates themselves only have TASK_WORK, not TASK_ASSIGN.
        engine.asSystem(() -> tasks.setAssignee(taskId, to));
        review.record(access.projectId(task), taskId, Steps.name(task.getTaskDefinitionKey()), "transfer", caller.userId(),
                "转办给 " + to + (blankToNull(comment) == null ? "" : "：" + comment));
    }

    /** 委派: asks another user to handle the task; when they complete it, it comes back to the caller. */
    @Transactional
    public void delegate(String taskId, String toUser, String comment, Caller caller) {
        Task task = access.visibleTask(taskId, caller);
        String to = mayWork(task, toUser, caller);
        claimFor(task, caller);
        engine.asSystem(() -> tasks.delegateTask(taskId, to));
        review.record(access.projectId(task), taskId, Steps.name(task.getTaskDefinitionKey()), "delegate", caller.userId(),
                "委派给 " + to + (blankToNull(comment) == null ? "" : "：" + comment));
    }

    /**
     * A task is handed only to someone who may work that step: a member of one of its candidate groups (编制: the
     * unit's preparers; 部门审核: the department's reviewers; 财政审核: finance), named exactly.
     */
    private String mayWork(Task task, String toUser, Caller caller) {
        String to = blankToNull(toUser);
        if (to == null) {
            throw new IllegalArgumentException("请指定接收人 userId");
        }
        if (to.equals(caller.userId())) {
            throw new IllegalArgumentException("不能转办或委派给自己");
        }
        List<String> groups = engine.asSystem(() -> tasks.getIdentityLinksForTask(task.getId())).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        boolean member = engine.asSystem(() -> groups.stream()
                .anyMatch(g -> identity.createUserQuery().userId(to).memberOfGroup(g).count() > 0));
        if (!member) {
            throw new IllegalArgumentException("用户“" + to + "”不能办理“" + Steps.name(task.getTaskDefinitionKey())
                    + "”：只能转办或委派给本环节的办理人（" + String.join("、", groups) + " 的成员）");
        }
        return to;
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

    /**
     * Completes the task for the caller. {@code recorded}: the calling service has checked and recorded the step,
     * {@code values} are the variables it hands to the process; otherwise {@code values} are the step's fields for
     * its rule, and nothing is stored but what the rule returns.
     */
    private void finish(Task task, Caller caller, Map<String, Object> values, boolean recorded) {
        try {
            if (task.getDelegationState() == DelegationState.PENDING) {
                // A delegated task goes back to its owner, who then decides; no listener runs on a resolve, so
                // who may hand it back is checked here: the delegate only.
                if (!caller.userId().equals(task.getAssignee())) {
                    throw new ReviewForbiddenException(CompletionFieldsFilter.whoMayNot(task, "complete",
                            caller.userId()));
                }
                tasks.resolveTask(task.getId());
                return;
            }
            String completedBy = null;
            if (task.getAssignee() == null) {
                // Assigned by the step's complete listener (StepListener), inside the completion: history names
                // who completed it without a claim of its own.
                completedBy = caller.userId();
            } else {
                claimFor(task, caller);
            }
            ApiCompletion.run(new ApiCompletion.Completion(task.getId(), completedBy,
                            recorded ? Map.of() : Map.copyOf(values), recorded),
                    () -> tasks.complete(task.getId(), recorded ? values : Map.of()));
        } catch (OptimisticLockingException | NullValueException e) {
            throw conflict(task);
        } catch (ProcessEngineException e) {
            // The step's rule refused (a return without an opinion, the submitter approving, claimed by someone
            // else since it was read). The engine wraps what its listeners throw: the rule's own answer counts.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConflictException || t instanceof ForbiddenException
                        || t instanceof IllegalArgumentException) {
                    throw (RuntimeException) t;
                }
            }
            throw e;
        }
    }

    private static TaskConflictException conflict(Task task) {
        return new TaskConflictException("任务“" + task.getName() + "”已被他人办理，请刷新任务列表");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
