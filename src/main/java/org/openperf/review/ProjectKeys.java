package org.openperf.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The project a process instance works on: its business key, which the app sets when it starts the instance and
 * no user can change. Never a process variable — a candidate of a task can send any variable with its completion
 * (docs/security.md, "A project's identity").
 */
public final class ProjectKeys {

    private ProjectKeys() {
    }

    public static long of(DelegateExecution execution) {
        return parse(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    public static long of(DelegateTask task) {
        return of(task.getExecution());
    }

    /** A business key as a project id; an instance that is not a project's fails loudly rather than act on one. */
    public static long parse(String businessKey, String processInstanceId) {
        if (businessKey == null || !businessKey.matches("\\d{1,18}")) {
            throw new IllegalStateException("流程实例 " + processInstanceId + " 的业务键不是项目编号：" + businessKey);
        }
        return Long.parseLong(businessKey);
    }
}
