package org.openperf.review.department;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.openperf.departments.DepartmentTargetApprovals;
import org.openperf.kernel.Caller;
import org.springframework.stereotype.Component;

/**
 * 编制's candidate group (BPMN: {@code ${departmentTargetGroups.department(execution)}}): the reviewers of the
 * table's department as stored, {@code dept-<code>} as in {@link org.openperf.review.ProjectGroups}; never a
 * process variable.
 */
@Component("departmentTargetGroups")
public class DepartmentTargetGroups {

    private final DepartmentTargetApprovals approvals;

    public DepartmentTargetGroups(DepartmentTargetApprovals approvals) {
        this.approvals = approvals;
    }

    public String department(DelegateExecution execution) {
        String code = approvals.departmentCode(DepartmentTargetKeys.of(execution));
        return Caller.DEPARTMENT_GROUP_PREFIX + (code == null || code.isBlank() ? "none" : code);
    }
}
