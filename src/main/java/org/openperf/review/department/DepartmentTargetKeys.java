package org.openperf.review.department;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The business key of a department table's instance: {@code department-target-<table id>}. Never a bare number:
 * the project processes are found by {@code processInstanceBusinessKey(String.valueOf(projectId))} in many places,
 * and a department table's id may equal a project's, so a bare id would hand one's tasks to the other. A project's
 * key ({@link org.openperf.review.ProjectKeys}) refuses this one, and this one refuses a project's.
 */
public final class DepartmentTargetKeys {

    static final String PREFIX = "department-target-";

    private DepartmentTargetKeys() {
    }

    public static String key(long tableId) {
        return PREFIX + tableId;
    }

    public static long of(DelegateExecution execution) {
        return parse(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    public static long of(DelegateTask task) {
        return of(task.getExecution());
    }

    /** A business key as a department table id; any other instance fails loudly rather than act on a table. */
    public static long parse(String businessKey, String processInstanceId) {
        if (businessKey == null || !businessKey.matches(PREFIX + "\\d{1,18}")) {
            throw new IllegalStateException("流程实例 " + processInstanceId + " 的业务键不是部门整体绩效目标：" + businessKey);
        }
        return Long.parseLong(businessKey.substring(PREFIX.length()));
    }
}
