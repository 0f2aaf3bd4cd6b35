package org.openperf.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask 逾期上报 of target-approval versions before the reminder sweep (review-reminders): their running
 * instances keep their boundary timers, which still call this.
 */
@Component("escalateOverdueReview")
public class EscalateOverdueReviewDelegate implements JavaDelegate {

    private final ReviewReminders reminders;

    public EscalateOverdueReviewDelegate(ReviewReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.escalate(execution.getProcessInstanceId(), ValidateTargetTableDelegate.projectId(execution),
                execution.getCurrentActivityId());
    }
}
