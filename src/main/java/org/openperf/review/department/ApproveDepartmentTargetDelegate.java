package org.openperf.review.department;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openperf.departments.DepartmentTargetApprovals;
import org.springframework.stereotype.Component;

/** ServiceTask 批复 of a department table: frozen as the next approved version (a job after finance's decision). */
@Component("approveDepartmentTarget")
public class ApproveDepartmentTargetDelegate implements JavaDelegate {

    private final DepartmentTargetApprovals approvals;

    public ApproveDepartmentTargetDelegate(DepartmentTargetApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approvals.approve(DepartmentTargetKeys.of(execution));
    }
}
