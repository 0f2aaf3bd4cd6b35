package org.openperf.review;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openperf.kernel.TransientVariables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a step of target-approval hands to the gateway and the service task right after it, in the same
 * transaction: the decision, its opinion and return target, who approved or submitted, 校验's error count. The
 * project's own history (review_opinion) is where decisions are kept, so through the task API these are
 * transient: not stored (docs/decisions/routing-variables-transient.md). A Camunda Form in
 * Tasklist submits them as stored variables; those are removed when the next step begins. The engine refuses to
 * set a transient value over a stored one, so where a stored one is still there (an instance from an earlier
 * version, or set by hand in Cockpit) the value is stored too.
 */
public final class RoutingVariables {

    /** Set by a step's completion (ReviewTasks#decide) for the gateway after it. */
    static final Set<String> DECISION = Set.of("decision", "comment", "returnTo", "lastApprover", "submitter");
    static final String VALIDATION_ERRORS = "validationErrors";

    /** Everything the steps hand on, and what earlier versions also stored (removed when a step begins). */
    public static final List<String> ALL = List.of("decision", "comment", "returnTo", "lastApprover", "submitter",
            VALIDATION_ERRORS, "validationWarnings", "approvedVersion");

    private RoutingVariables() {
    }

    /** Sets the value transient, unless a stored variable of that name is visible from the scope. */
    public static void set(VariableScope scope, String name, Object value) {
        TransientVariables.set(scope, name, value);
    }

    /** Removes the stored ones visible from the scope (transient ones end with the transaction anyway). */
    public static void removeStored(VariableScope scope) {
        for (String name : ALL) {
            TypedValue existing = scope.getVariableTyped(name);
            if (existing != null && !existing.isTransient()) {
                // Not task-local: the form submits into the scope that holds the variable (the process's).
                scope.removeVariable(name);
            }
        }
    }
}
