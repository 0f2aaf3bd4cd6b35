package org.openperf.review.department;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openperf.departments.DepartmentTargetApprovals;
import org.openperf.review.RoutingVariables;
import org.springframework.stereotype.Component;

/**
 * A step of a department table's approval begins (BPMN: create listener): the previous step's decision and opinion
 * a Tasklist form stored are removed, so no form opens with them; the task is named after the table
 * ({@code 财政审核 · 部门整体绩效目标 · 青岛市人社局 2054}, a monitoring step with its round's months); 编制 makes the
 * table editable again. Used by each department table process.
 */
@Component("departmentTargetTaskCreated")
public class DepartmentTargetTaskCreated implements TaskListener {

    private final DepartmentTargetApprovals approvals;

    public DepartmentTargetTaskCreated(DepartmentTargetApprovals approvals) {
        this.approvals = approvals;
    }

    /** The steps of the task's own process, whose last opinion its form shows. */
    private static Set<String> steps(String taskKey) {
        List<String> pair = switch (taskKey) {
            case DepartmentTargetProcess.MONITORING_REPORT, DepartmentTargetProcess.MONITORING_FINANCE_REVIEW ->
                    List.of(DepartmentTargetProcess.MONITORING_REPORT, DepartmentTargetProcess.MONITORING_FINANCE_REVIEW);
            case DepartmentTargetProcess.SELF_EVALUATION_REPORT, DepartmentTargetProcess.SELF_EVALUATION_FINANCE_REVIEW ->
                    List.of(DepartmentTargetProcess.SELF_EVALUATION_REPORT,
                            DepartmentTargetProcess.SELF_EVALUATION_FINANCE_REVIEW);
            default -> List.of(DepartmentTargetProcess.DRAFTING, DepartmentTargetProcess.FINANCE_REVIEW);
        };
        return Set.of(DepartmentTargetProcess.stepName(pair.get(0)), DepartmentTargetProcess.stepName(pair.get(1)));
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
        String last = approvals.lastOpinion(tableId, steps(task.getTaskDefinitionKey()));
        if (last != null) {
            task.setVariableLocal("lastOpinion", last);
        }
        if (DepartmentTargetProcess.DRAFTING.equals(task.getTaskDefinitionKey())) {
            approvals.reopened(tableId);
        }
    }
}
