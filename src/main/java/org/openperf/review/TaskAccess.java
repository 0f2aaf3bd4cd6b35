package org.openperf.review;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.Caller;
import org.openperf.kernel.EngineAccess;
import org.springframework.stereotype.Component;

/**
 * Whose task it is, for the task commands ({@link ReviewTasks}); the 待办 list ({@link OpenTasks}) asks the same
 * in SQL.
 *
 * <p>The caller's open tasks ("my tasks", 待办) are those assigned to them and those offered to one of their groups
 * (or to them by name) that nobody has claimed yet. A task the caller may act on is one of those, or one a colleague
 * of the same group has claimed (the answer then names who holds it), or one the caller delegated (委派) and waits
 * for. Only the one holding a task completes it (StepListener, CompletionFieldsFilter).
 */
@Component
public class TaskAccess {

    private static final String BY_ID = "select RES.* from ACT_RU_TASK RES where RES.ID_ = ";
    private static final String OF_PROJECT = "select RES.* from ACT_RU_TASK RES inner join ACT_RU_EXECUTION P"
            + " on P.ID_ = RES.PROC_INST_ID_ where P.BUSINESS_KEY_ = ";

    private final TaskService tasks;
    private final HistoryService history;
    private final EngineAccess engine;

    public TaskAccess(TaskService tasks, HistoryService history, EngineAccess engine) {
        this.tasks = tasks;
        this.history = history;
        this.engine = engine;
    }

    /** The task if the caller may act on it: a candidate through one of their groups, its assignee or owner. */
    public Task visibleTask(String taskId, Caller caller) {
        // The task by its id with the rule of mayAct in the same native statement: a TaskQuery's SQL is built with
        // OGNL even for an id, and an or-query (assignee, owner or candidate groups) costs Camunda twice that
        // building, the largest part of a completion's CPU under load (docs/performance.md). The completion itself
        // still runs as the caller, under Camunda's authorizations.
        if (caller.userId() != null) {
            NativeSql mine = new NativeSql();
            Task task = mine.bind(tasks.createNativeTaskQuery().sql(BY_ID + mine.value("id", taskId)
                    + mayActOn(mine, caller))).singleResult();
            if (task != null) {
                return task;
            }
        }
        // Not one the caller may act on: completed a moment ago (409), or missing or not theirs (404).
        NativeSql sql = new NativeSql();
        Task task = sql.bind(tasks.createNativeTaskQuery().sql(BY_ID + sql.value("id", taskId))).singleResult();
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
     * The project's open task at this step if the caller may act on it ({@link #mayAct}); null when there is none or
     * it is not theirs. A native query for the reason {@link #visibleTask} gives.
     */
    Task taskOfProject(long projectId, String taskDefinitionKey, Caller caller) {
        if (caller.userId() == null) {
            return null;
        }
        NativeSql sql = new NativeSql();
        return sql.bind(tasks.createNativeTaskQuery().sql(OF_PROJECT + sql.value("project", String.valueOf(projectId))
                + " and RES.TASK_DEF_KEY_ = " + sql.value("step", taskDefinitionKey) + mayActOn(sql, caller)))
                .singleResult();
    }

    /** {@link #mayAct} as a condition on the task {@code RES}, for a caller with a user id. */
    private static String mayActOn(NativeSql sql, Caller caller) {
        String user = sql.value("user", caller.userId());
        String offered = "L.USER_ID_ = " + user + (caller.groups().isEmpty() ? ""
                : " or L.GROUP_ID_ in (" + sql.list("group", caller.groups()) + ")");
        return " and (RES.ASSIGNEE_ = " + user + " or RES.OWNER_ = " + user + " or exists (select 1 from"
                + " ACT_RU_IDENTITYLINK L where L.TASK_ID_ = RES.ID_ and L.TYPE_ = 'candidate' and (" + offered + ")))";
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
            // Completed by someone else since it was looked up: its links went with it. Without the task's name: the
            // caller is neither its assignee nor its owner, and whether they were a candidate is gone with the links.
            throw new TaskConflictException("任务刚刚已被他人办理，请刷新任务列表");
        }
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (caller.userId().equals(link.getUserId())
                    || link.getGroupId() != null && caller.groups().contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }


    public Long projectId(Task task) {
        // From history: the instance may have ended a moment ago (another reviewer's approval finished it).
        HistoricProcessInstance pi = engine.asSystem(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult());
        if (pi.getBusinessKey() == null || !pi.getBusinessKey().matches("\\d{1,18}")) {
            // A department table's task (business key department-target-<id>): its history is not a project's.
            throw new ReviewForbiddenException("“" + task.getName() + "”不是项目的任务：请在 Tasklist 中转办或委派");
        }
        return Long.valueOf(pi.getBusinessKey());
    }
}
