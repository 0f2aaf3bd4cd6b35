package org.openperf.review;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask 催办与逾期上报 of review-reminders: one batch of the due review tasks; {@code moreDue} tells the
 * gateway whether to take another batch (in its own transaction).
 */
@Component("followUpDueReviews")
public class FollowUpDueReviewsDelegate implements JavaDelegate {

    private final ReviewReminders reminders;
    private final ReviewDeadlines deadlines;

    public FollowUpDueReviewsDelegate(ReviewReminders reminders, ReviewDeadlines deadlines) {
        this.reminders = reminders;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // asOf is the engine's clock (${now()} in the model), so tests and the engine agree on what is due.
        execution.setVariable("moreDue", reminders.followUp((Date) execution.getVariable("asOf"),
                deadlines.sweepBatch()));
    }
}
