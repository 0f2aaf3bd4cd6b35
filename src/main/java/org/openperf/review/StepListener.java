package org.openperf.review;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On every user task of the project processes (BPMN: {@code delegateExpression="${stepListener}"} on create and
 * complete): on create, the previous step's stored decision is removed so no form opens with it and the task is
 * named after its project ({@link TaskNames}); on complete, the
 * step's rule ({@link StepRules}) checks the completion and records it — whichever way it was completed. The
 * project is the business key; the fields are only the step's declared ones.
 */
@Component("stepListener")
public class StepListener implements TaskListener {

    private final StepRules rules;
    private final IdentityService identity;
    private final TaskNames names;

    public StepListener(StepRules rules, IdentityService identity, TaskNames names) {
        this.rules = rules;
        this.identity = identity;
        this.names = names;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // Asked of the task's execution: a task being created has no variables of its own, and asking the task
            // would first read them from the database, once for every task the engine creates.
            RoutingVariables.removeStored(task.getExecution());
            names.name(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task);
        }
    }

    private void completed(DelegateTask task) {
        String step = task.getTaskDefinitionKey();
        StepRule rule = rules.rule(step)
                .orElseThrow(() -> new IllegalStateException("用户任务 " + step + " 没有办理规则（StepRule）"));
        long projectId = rule.subjectId(task);
        if (task instanceof Task t && t.getDelegationState() == DelegationState.PENDING) {
            // Camunda completes a delegated task like any other; here the delegate hands it back (resolve) and
            // the owner decides. (The engine's task object is also a Task: DelegateTask lacks the state.)
            throw new ReviewForbiddenException("“" + Steps.name(step) + "”已委派给 " + task.getAssignee()
                    + "，须由其办理后交回（resolve），再由 " + task.getOwner() + " 办理");
        }
        Optional<ApiCompletion.Completion> api = ApiCompletion.of(task.getId());
        if (api.isPresent() && api.get().completedBy() != null) {
            String user = api.get().completedBy();
            if (task.getAssignee() == null) {
                task.setAssignee(user);
            } else if (!task.getAssignee().equals(user)) {
                // Claimed by a colleague between the caller reading the step and completing it.
                throw new TaskConflictException("任务已由 " + task.getAssignee() + " 签收办理");
            }
        }
        if (api.isPresent() && api.get().recorded()) {
            return; // the calling service checked and recorded the step (ReviewTasks#completeRecorded)
        }
        if (rule.recordedByService(step)) {
            throw new ReviewForbiddenException(rule.refusal(step, projectId));
        }
        Set<String> declared = rule.fields(step);
        Map<String, Object> fields = new HashMap<>();
        if (api.isPresent()) {
            api.get().fields().forEach((name, value) -> {
                if (declared.contains(name) && value != null) {
                    fields.put(name, value);
                }
            });
        } else {
            for (String name : declared) {
                Object value = task.getVariable(name);
                if (value != null) {
                    fields.put(name, value);
                }
            }
        }
        String user = api.map(ApiCompletion.Completion::completedBy).orElseGet(() -> user(task));
        rule.complete(new StepCompletion(task.getId(), step, projectId, user, Map.copyOf(fields), task::getVariable))
                .forEach((name, value) -> {
                    if (RoutingVariables.ALL.contains(name)) {
                        RoutingVariables.set(task.getExecution(), name, value);
                    } else {
                        task.getExecution().setVariable(name, value);
                    }
                });
    }

    /**
     * Who completes the step outside the app's task API: the user the engine says is acting (Tasklist,
     * {@code /engine-rest}). An assigned step is completed only by its assignee: Camunda lets any candidate with
     * TASK_WORK complete it, which would record a colleague's decision under the assignee's name. Without an
     * authenticated user (the engine's own work, tests) the assignee.
     */
    private String user(DelegateTask task) {
        Authentication a = identity.getCurrentAuthentication();
        String acting = a == null ? null : a.getUserId();
        if (acting == null) {
            return task.getAssignee();
        }
        if (task.getAssignee() == null) {
            task.setAssignee(acting);
        } else if (!task.getAssignee().equals(acting)) {
            throw new ReviewForbiddenException("“" + Steps.name(task.getTaskDefinitionKey()) + "”已由 "
                    + task.getAssignee() + " 签收，只有签收人可以办理（可请其转办给您）");
        }
        return acting;
    }
}
