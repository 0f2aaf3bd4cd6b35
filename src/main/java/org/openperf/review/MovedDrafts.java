package org.openperf.review;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.Caller;
import org.openperf.kernel.EngineAccess;
import org.openperf.targets.ProjectDraftEdited;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A draft moved to another unit (or department) while a task of it is open: the open task is offered to the new
 * unit's preparers (or department's reviewers) and named after it, and the department the task lists filter on
 * follows. Otherwise the old unit would still hold the 编制 task of a table that is no longer its own, and the new
 * unit could not submit it.
 */
@Component
class MovedDrafts {

    private static final String DEPARTMENT_VARIABLE = "departmentCode";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ProjectGroups groups;
    private final EngineAccess engine;
    private final AuthorizationService authorizations;

    MovedDrafts(TaskService tasks, RuntimeService runtime, ProjectGroups groups, EngineAccess engine,
                AuthorizationService authorizations) {
        this.authorizations = authorizations;
        this.tasks = tasks;
        this.runtime = runtime;
        this.groups = groups;
        this.engine = engine;
    }

    @EventListener
    public void onDraftEdited(ProjectDraftEdited event) {
        long projectId = event.projectId();
        // The project as the edit left it (held by its transaction), read once for all its open tasks.
        ProjectRouting routing = groups.routing(projectId).orElse(null);
        if (routing == null) {
            return;
        }
        ProjectGroups.Codes now = ProjectGroups.codes(routing);
        String key = String.valueOf(projectId);
        engine.asSystem(() -> {
            for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(key).list()) {
                // Renamed first: changing its links updates the task, and the copy read above would be stale.
                String name = TaskNames.rename(task, routing);
                if (!name.equals(task.getName())) {
                    task.setName(name);
                    tasks.saveTask(task);
                }
                boolean moved = false;
                for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                        moved |= repoint(task.getId(), link.getGroupId(), Caller.UNIT_GROUP_PREFIX,
                                Caller.UNIT_GROUP_PREFIX + now.unit());
                        moved |= repoint(task.getId(), link.getGroupId(), Caller.DEPARTMENT_GROUP_PREFIX,
                                Caller.DEPARTMENT_GROUP_PREFIX + now.department());
                    }
                }
                if (moved) {
                    release(task.getId());
                }
            }
            for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
                Object stored = runtime.getVariableLocal(pi.getId(), DEPARTMENT_VARIABLE);
                if (stored != null && !Objects.equals(stored, now.department())) {
                    runtime.setVariableLocal(pi.getId(), DEPARTMENT_VARIABLE, now.department());
                }
            }
        });
    }

    /**
     * A unit's or department's own group (not, say, a department's leads) now someone else's. Camunda keeps the
     * group's authorization on the task when its link goes: it is removed too, or the old unit could still complete
     * the task through Tasklist or /engine-rest.
     */
    private boolean repoint(String taskId, String group, String prefix, String current) {
        String code = group.startsWith(prefix) ? group.substring(prefix.length()) : null;
        if (code == null || code.contains("-") || group.equals(current)) {
            return false;
        }
        tasks.deleteCandidateGroup(taskId, group);
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
                .groupIdIn(group).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
        tasks.addCandidateGroup(taskId, current);
        return true;
    }

    /**
     * A task that has moved to another unit or department is nobody's until one of them claims it: someone of the
     * old group who had claimed it (or delegated it) would otherwise still hold it, and their grant with it.
     */
    private void release(String taskId) {
        // Read again: the rename and the group changes above have moved the listed task's revision on.
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return; // completed meanwhile: nobody holds it
        }
        List<String> holders = Stream.of(task.getAssignee(), task.getOwner()).filter(Objects::nonNull).toList();
        if (holders.isEmpty()) {
            return;
        }
        task.setAssignee(null);
        task.setOwner(null);
        task.setDelegationState(null);
        tasks.saveTask(task);
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
                .userIdIn(holders.toArray(String[]::new)).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
}
