package org.openperf.review;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.Caller;

/** The roles process tests act as, and a table taken through approval by them. */
public final class Approvals {

    public static final Caller UNIT = new Caller("u402001", List.of("unit-402001"));
    public static final Caller OTHER_UNIT = new Caller("u402004", List.of("unit-402004"));
    public static final Caller DEPT = new Caller("d402", List.of("dept-402"));
    public static final Caller DEPT2 = new Caller("d402b", List.of("dept-402"));
    public static final Caller FINANCE = new Caller("f1", List.of("finance"));

    private Approvals() {
    }

    /** Submitted by the unit, approved by the department and by finance: the table becomes approved version 1. */
    public static void approve(ReviewTasks work, TaskService tasks, Long projectId) {
        work.submit(projectId, null, UNIT);
        work.complete(current(tasks, projectId).getId(), new Decision("approve", "同意", null), DEPT);
        work.complete(current(tasks, projectId).getId(), new Decision("approve", "同意", null), FINANCE);
    }

    public static Task current(TaskService tasks, Long projectId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .processDefinitionKey("target-approval").singleResult();
    }
}
