package org.openperf.review;

import java.util.Map;
import java.util.function.Function;

/**
 * One completion of a user task as its rule sees it.
 *
 * @param projectId the instance's business key, never a variable
 * @param userId    who completes it: the task API's caller, else the assignee or the engine's authenticated user
 * @param fields    the step's declared fields as sent (nothing else)
 * @param variables the instance's other variables, set by the app's own steps (a report id, a milestone month)
 */
public record StepCompletion(String taskId, String step, long projectId, String userId, Map<String, Object> fields,
                             Function<String, Object> variables) {

    /** A declared field as trimmed text, or null when absent or blank. */
    public String text(String field) {
        Object v = fields.get(field);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** The step's decision, opinion and return target, as the review steps read them. */
    public Decision decision() {
        return new Decision(text("decision"), text("comment"), text("returnTo"));
    }

    public Object variable(String name) {
        return variables.apply(name);
    }
}
