package org.openperf.review;

/**
 * The steps of the project processes (ProjectProcesses) as users name them, keyed by the BPMN element ids: the same
 * ids in the called processes as in the first lifecycle version that held them all.
 */
public final class Steps {

    public static final String DRAFTING = "UserTask_Drafting";
    public static final String DEPARTMENT_REVIEW = "UserTask_DepartmentReview";
    public static final String FINANCE_REVIEW = "UserTask_FinanceReview";

    /** The monitoring round's steps (monitoring-round, called from target-lifecycle's SubProcess_MonitoringRound). */
    public static final String MONITORING_REPORT = "UserTask_MonitoringReport";
    public static final String MONITORING_DEPARTMENT_REVIEW = "UserTask_MonitoringDepartmentReview";
    public static final String MONITORING_FINANCE_REVIEW = "UserTask_MonitoringFinanceReview";
    public static final String RECTIFICATION = "UserTask_Rectification";

    private Steps() {
    }

    public static String name(String activityId) {
        return switch (activityId) {
            case DRAFTING -> "编制";
            case DEPARTMENT_REVIEW -> "部门审核";
            case FINANCE_REVIEW -> "财政审核";
            case "ServiceTask_Validate" -> "校验";
            case "ServiceTask_Approve" -> "批复";
            case "UserTask_SelfEvaluation" -> "绩效自评";
            case "UserTask_SelfEvaluationReview" -> "部门审核自评";
            case "UserTask_FinanceRecheck" -> "财政复核";
            case "ServiceTask_DecideRecheck" -> "抽样复核";
            case "ServiceTask_Publish" -> "结果公开";
            case "UserTask_DeviationExplanation" -> "偏差说明";
            case "UserTask_DeviationReview" -> "审核偏差说明";
            case MONITORING_REPORT -> "填报监控表";
            case MONITORING_DEPARTMENT_REVIEW -> "部门审核监控表";
            case MONITORING_FINANCE_REVIEW -> "财政审核监控表";
            case RECTIFICATION -> "整改反馈";
            default -> activityId;
        };
    }
}
