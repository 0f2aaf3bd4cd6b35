package org.openperf.pages;

import org.openperf.targets.ProjectStatus;
import org.springframework.stereotype.Component;

/** The Chinese words the pages show for stored codes (templates call it as {@code @labels}). */
@Component("labels")
public class Labels {

    public String status(String status) {
        if (status == null) {
            return "";
        }
        for (ProjectStatus s : ProjectStatus.values()) {
            if (s.name().equals(status)) {
                return s.label();
            }
        }
        return status;
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
        return org.openperf.review.HistoryAction.label(action);
    }

    public String severity(String severity) {
        return "ERROR".equals(severity) ? "错误" : "WARNING".equals(severity) ? "提示" : severity;
    }

    public String tasklist(String taskId) {
        return taskId == null ? null : "/camunda/app/tasklist/default/#/?task=" + taskId;
    }
}
