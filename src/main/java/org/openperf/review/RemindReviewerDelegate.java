package org.openperf.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask 催办: the review task's due date has passed; the reminder is recorded and shown on the task. */
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
