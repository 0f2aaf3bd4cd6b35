package org.openperf.monitoring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openperf.review.Steps;
import org.springframework.stereotype.Component;

/** On complete of 部门审核监控表, 财政审核监控表 and 整改反馈: the report records the decision or the answer. */
@Component("recordMonitoringReview")
public class RecordMonitoringReviewListener implements TaskListener {

    private final MonitoringReportService reports;

    public RecordMonitoringReviewListener(MonitoringReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable("decision");
        // Finance's 整改要求 travels as its own variable (the unit's form shows it); the other steps' text is comment.
        Object comment = task.getVariable(Steps.MONITORING_FINANCE_REVIEW.equals(task.getTaskDefinitionKey())
                ? "rectificationRequirement" : "comment");
        reports.stepDone(((Number) task.getVariable(MonitoringRoundService.REPORT_ID)).longValue(),
                task.getTaskDefinitionKey(), decision == null ? null : decision.toString(),
                comment == null ? null : comment.toString(), task.getAssignee());
    }
}
