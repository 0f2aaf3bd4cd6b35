package org.openperf.pages;

import org.springframework.stereotype.Component;

/** The Chinese words the pages show for stored codes (templates call it as {@code @labels}). */
@Component("labels")
public class Labels {

    public String status(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "DRAFT" -> "编制中";
            case "ADJUSTING" -> "调整中";
            case "IN_REVIEW" -> "审核中";
            case "APPROVED" -> "已批复";
            default -> status;
        };
    }

    /** An amount in 万元 as the tables show it: at least two decimals, no trailing zeros beyond. */
    public java.math.BigDecimal amount(java.math.BigDecimal v) {
        return org.openperf.targets.ProjectView.amount(v);
    }

    /** A self-evaluation's status as the unit and reviewers name it. */
    public String evaluationStatus(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "SUBMITTED" -> "已提交";
            case "SCORED" -> "已评分，待部门审核";
            case "REVIEWED" -> "部门已审核";
            case "RECHECKING" -> "财政复核中";
            case "PUBLISHED" -> "已公开";
            default -> status;
        };
    }

    public String action(String action) {
        if (action == null) {
            return "";
        }
        return switch (action) {
            case "submit" -> "提交";
            case "approve" -> "同意";
            case "return" -> "退回单位";
            case "return-department" -> "退回部门";
            case "withdraw" -> "撤回";
            case "transfer" -> "转办";
            case "delegate" -> "委派";
            case "validation-failed" -> "校验未通过";
            case "approved" -> "批复";
            case "imported-approved" -> "按已批复导入";
            case "adjustment" -> "申请调整";
            default -> action;
        };
    }

    public String severity(String severity) {
        return "ERROR".equals(severity) ? "错误" : "WARNING".equals(severity) ? "提示" : severity;
    }

    public String tasklist(String taskId) {
        return taskId == null ? null : "/camunda/app/tasklist/default/#/?task=" + taskId;
    }
}
