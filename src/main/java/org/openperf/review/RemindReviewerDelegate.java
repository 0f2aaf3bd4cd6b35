package org.openperf.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask 催办 of target-approval versions before the reminder sweep (review-reminders): their running
 * instances keep their boundary timers, which still call this.
 */
@Component("remindReviewer")
public class RemindReviewerDelegate implements JavaDelegate {

    private final ReviewReminders reminders;

    public RemindReviewerDelegate(ReviewReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminders.remind(execution.getProcessInstanceId(), ValidateTargetTableDelegate.projectId(execution),
                execution.getCurrentActivityId());
    }
}
