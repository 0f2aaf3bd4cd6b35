package org.openperf.review;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On every user task of the project processes (BPMN: {@code delegateExpression="${stepListener}"} on create and
 * complete): on create, the previous step's stored decision is removed so no form opens with it; on complete, the
 * step's rule ({@link StepRules}) checks the completion and records it — whichever way it was completed. The
 * project is the business key; the fields are only the step's declared ones.
 */
@Component("stepListener")
public class StepListener implements TaskListener {

    private final StepRules rules;
    private final IdentityService identity;

    public StepListener(StepRules rules, IdentityService identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            RoutingVariables.removeStored(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task);
        }
    }

    private void completed(DelegateTask task) {
        String step = task.getTaskDefinitionKey();
        StepRule rule = rules.rule(step)
                .orElseThrow(() -> new IllegalStateException("用户任务 " + step + " 没有办理规则（StepRule）"));
        long projectId = ProjectKeys.of(task);
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

    /** Tasklist completes only a task assigned to the user; otherwise whoever the engine says is acting. */
    private String user(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication a = identity.getCurrentAuthentication();
        return a == null ? null : a.getUserId();
    }
}
