package org.openperf.review;

import java.util.Optional;

/**
 * The completion {@link ReviewTasks} (the app's task API) is making on this thread, for the step's complete
 * listener (FormDecisions): who completes an unassigned step, and the decision of 编制/部门审核/财政审核 the
 * listener checks and records. Not process variables: Camunda's REST API and Tasklist accept any variable, so a
 * completion sent there goes through the rules as a Tasklist form does and can name nobody else. Scoped to one
 * call on one thread, nothing shared.
 */
public final class ApiCompletion {

    /**
     * @param completedBy who becomes the assignee of an unassigned step inside the completion (null: assigned)
     * @param decision    the decision the listener checks and records (null: the caller has recorded the step)
     */
    public record Completion(String taskId, String completedBy, Decision decision) {
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
