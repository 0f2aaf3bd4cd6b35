package org.openperf.review.forms;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.openperf.review.Decision;
import org.openperf.review.ApiCompletion;
import org.openperf.review.ReviewTasks;
import org.openperf.review.RoutingVariables;
import org.openperf.review.TaskConflictException;
import org.openperf.review.Steps;
import org.openperf.security.Caller;
import org.springframework.stereotype.Service;

/**
 * A task completed from its Camunda Form in Tasklist goes through the same rules and history as one completed
 * through the task API: a return without an opinion is refused, the submitter cannot approve, and the step is
 * recorded with its user and opinion. A completion made through {@link ReviewTasks#complete} hands over its decision
 * and user outside the process variables ({@link ApiCompletion}).
 */
@Service
public class FormDecisions {

    private final ReviewTasks work;
    private final IdentityService identity;

    public FormDecisions(ReviewTasks work, IdentityService identity) {
        this.work = work;
        this.identity = identity;
    }

    public void completed(DelegateTask task) {
        Optional<ApiCompletion.Completion> api = ApiCompletion.of(task.getId());
        if (api.isPresent()) {
            if (api.get().completedBy() != null) {
                String user = api.get().completedBy();
                if (task.getAssignee() == null) {
                    task.setAssignee(user);
                } else if (!task.getAssignee().equals(user)) {
                    // Claimed by a colleague between the caller reading the step and completing it.
                    throw new TaskConflictException("任务已由 " + task.getAssignee() + " 签收办理");
                }
            }
            if (api.get().decision() != null) {
                // 编制/部门审核/财政审核 through the task API: decided here, handed on to the gateway after the step.
                work.decide(task.getId(), task.getTaskDefinitionKey(), projectId(task), api.get().decision(),
                        new Caller(user(task), List.of())).forEach((name, value) ->
                        RoutingVariables.set(task.getExecution(), name, value));
            }
            return;
        }
        Decision d = new Decision(
                Steps.DRAFTING.equals(task.getTaskDefinitionKey()) ? "submit" : text(task, "decision"),
                text(task, "comment"), text(task, "returnTo"));
        task.setVariables(work.decide(task.getId(), task.getTaskDefinitionKey(), projectId(task), d,
                new Caller(user(task), List.of())));
    }

    /** A project's target-approval and target-lifecycle instances carry its id as their business key. */
    private static Long projectId(DelegateTask task) {
        return Long.valueOf(task.getExecution().getProcessBusinessKey());
    }

    /** Tasklist completes only a task assigned to the user; otherwise whoever the engine says is acting. */
    private String user(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication a = identity.getCurrentAuthentication();
        return a == null ? null : a.getUserId();
    }

    private static String text(DelegateTask task, String name) {
        Object v = task.getVariable(name);
        return v == null ? null : v.toString();
    }
}
