package org.openperf.review.department;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.departments.DepartmentTargetApprovals;
import org.openperf.review.RoutingVariables;
import org.springframework.stereotype.Component;

/**
 * A step of a department table's approval begins (BPMN: create listener): the previous step's decision and opinion
 * a Tasklist form stored are removed, so no form opens with them; the task is named after the table
 * ({@code 财政审核 · 部门整体绩效目标 · 青岛市人社局 2054}, a monitoring step with its round's months); 编制 makes the
 * table editable again. Used by department-target-approval and department-monitoring-round.
 */
@Component("departmentTargetTaskCreated")
public class DepartmentTargetTaskCreated implements TaskListener {

    private final DepartmentTargetApprovals approvals;

    public DepartmentTargetTaskCreated(DepartmentTargetApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void notify(DelegateTask task) {
        long tableId = DepartmentTargetKeys.of(task);
        RoutingVariables.removeStored(task);
        String name = DepartmentTargetProcess.stepName(task.getTaskDefinitionKey()) + " · " + approvals.title(tableId)
                + (task.getVariable("cutoffLabel") instanceof String round ? " · " + round : "");
        task.setName(name.length() <= 255 ? name : name.substring(0, 254) + "…");
        // The form shows the opinion the step answers (finance's return, the submission's note); task-local, and
        // no completion may send it back (CompletionFieldsFilter, the step's fields).
        boolean monitoring = task.getTaskDefinitionKey().startsWith("UserTask_DepartmentMonitoring");
        String last = approvals.lastOpinion(tableId, monitoring
                ? java.util.Set.of(DepartmentMonitoring.REPORT_STEP, DepartmentMonitoring.REVIEW_STEP)
                : java.util.Set.of(DepartmentTargetApprovals.DRAFTING, DepartmentTargetApprovals.FINANCE_REVIEW));
        if (last != null) {
            task.setVariableLocal("lastOpinion", last);
        }
        if (DepartmentTargetProcess.DRAFTING.equals(task.getTaskDefinitionKey())) {
            approvals.reopened(tableId);
        }
    }
}
