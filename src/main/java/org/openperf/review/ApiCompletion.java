package org.openperf.review;

/**
 * The task this thread is completing through {@link ReviewTasks} (the app's task API), for the step's complete
 * listener: only then does it trust the transient variables the API sends with the completion (who completes,
 * the decision). Camunda's REST API accepts transient variables too; a completion sent there with the same names
 * goes through the rules as any Tasklist form does. Scoped to one call on one thread, nothing shared.
 */
public final class ApiCompletion {

    private static final ThreadLocal<String> TASK = new ThreadLocal<>();

    private ApiCompletion() {
    }

    static void run(String taskId, Runnable completion) {
        String outer = TASK.get();
        TASK.set(taskId);
        try {
            completion.run();
        } finally {
            if (outer == null) {
                TASK.remove();
            } else {
                TASK.set(outer);
            }
        }
    }

    public static boolean isCompleting(String taskId) {
        return taskId != null && taskId.equals(TASK.get());
    }
}
