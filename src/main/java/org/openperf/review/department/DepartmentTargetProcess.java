package org.openperf.review.department;

/** The department table's processes (bpmn/department-*.bpmn): their keys and the ids of their steps. */
public final class DepartmentTargetProcess {

    public static final String KEY = "department-target-approval";
    public static final String DRAFTING = "UserTask_DepartmentTargetDrafting";
    public static final String FINANCE_REVIEW = "UserTask_DepartmentTargetFinanceReview";
    public static final String APPROVE = "ServiceTask_ApproveDepartmentTarget";

    /** A department table's 监控表 in one monitoring round (bpmn/department-monitoring-round.bpmn), same business key. */
    public static final String MONITORING_KEY = "department-monitoring-round";
    public static final String MONITORING_REPORT = "UserTask_DepartmentMonitoringReport";
    public static final String MONITORING_FINANCE_REVIEW = "UserTask_DepartmentMonitoringFinanceReview";

    /** A department table's 部门整体支出绩效自评 (bpmn/department-self-evaluation.bpmn), same business key. */
    public static final String SELF_EVALUATION_KEY = "department-self-evaluation";
    public static final String SELF_EVALUATION_REPORT = "UserTask_DepartmentSelfEvaluation";
    public static final String SELF_EVALUATION_FINANCE_REVIEW = "UserTask_DepartmentSelfEvaluationFinanceReview";

    /** The step's name as users read it (and as the table's history records it). */
    public static String stepName(String taskKey) {
        return switch (taskKey) {
            case DRAFTING -> "编制";
            case FINANCE_REVIEW -> "财政审核";
            case MONITORING_REPORT -> "填报监控表";
            case MONITORING_FINANCE_REVIEW -> "财政审核监控表";
            case SELF_EVALUATION_REPORT -> "填报自评表";
            case SELF_EVALUATION_FINANCE_REVIEW -> "财政审核自评";
            default -> taskKey;
        };
    }

    private DepartmentTargetProcess() {
    }
}
