package org.openperf.review.department;

/** The department table's approval (bpmn/department-target-approval.bpmn): its key and the ids of its steps. */
public final class DepartmentTargetProcess {

    public static final String KEY = "department-target-approval";
    public static final String DRAFTING = "UserTask_DepartmentTargetDrafting";
    public static final String FINANCE_REVIEW = "UserTask_DepartmentTargetFinanceReview";
    public static final String APPROVE = "ServiceTask_ApproveDepartmentTarget";

    private DepartmentTargetProcess() {
    }
}
