package org.openperf.review;

import org.openperf.kernel.NotFoundException;

/** No such task, or not one the caller may see (404 in both cases: another unit's tasks are not disclosed). */
public class TaskNotFoundException extends NotFoundException {

    public TaskNotFoundException(String taskId) {
        super("任务 " + taskId + " 不存在或无权访问");
    }
}
