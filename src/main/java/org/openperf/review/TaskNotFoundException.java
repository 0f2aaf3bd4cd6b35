package org.openperf.review;

/** No such task, or not one the caller may see (404 in both cases: another unit's tasks are not disclosed). */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("任务 " + taskId + " 不存在或无权访问");
    }
}
