package org.openperf.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 编制 created: whatever brought the table back to the unit (first draft, a return by the department or finance,
 * validation errors, a withdrawal, an adjustment), it is editable again. One place for all of them.
 */
@Component("reopenForEditing")
public class ReopenForEditingListener implements TaskListener {

    private final ReviewService review;

    public ReopenForEditingListener(ReviewService review) {
        this.review = review;
    }

    @Override
    public void notify(DelegateTask task) {
        review.returnedToDrafting(ProjectKeys.of(task));
    }
}
