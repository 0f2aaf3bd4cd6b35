package org.openperf.review;

import java.util.Map;
import java.util.Optional;

/**
 * The completion the app's own services are making on this thread, for the step's complete listener
 * ({@link StepListener}): who completes an unassigned step, and either the step's fields for its rule to check and
 * record, or that the calling service has already checked and recorded the step (a 监控表, a 自评). Not process
 * variables: Camunda's REST API and Tasklist accept variables from users, so a completion sent there goes through
 * the step's rule like a Tasklist form and can name nobody else. Scoped to one call on one thread, nothing shared.
 */
public final class ApiCompletion {

    /**
     * @param completedBy who becomes the assignee of an unassigned step inside the completion (null: assigned)
     * @param fields      the step's fields for its rule (ignored when recorded)
     * @param recorded    the calling service has checked and recorded the step: the listener only assigns
     */
    public record Completion(String taskId, String completedBy, Map<String, Object> fields, boolean recorded) {
    }

    private static final ThreadLocal<Completion> CURRENT = new ThreadLocal<>();

    private ApiCompletion() {
    }

    static void run(Completion completion, Runnable work) {
        Completion outer = CURRENT.get();
        CURRENT.set(completion);
        try {
            work.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The completion of this task the task API is making, if it is. */
    public static Optional<Completion> of(String taskId) {
        Completion c = CURRENT.get();
        return c != null && c.taskId().equals(taskId) ? Optional.of(c) : Optional.empty();
    }
}
