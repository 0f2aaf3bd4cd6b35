package org.openperf.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask 批复: freezes the table as the next approved version. */
@Component("approveTargetTable")
public class ApproveTargetTableDelegate implements JavaDelegate {

    private final ReviewService review;

    public ApproveTargetTableDelegate(ReviewService review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long projectId = ValidateTargetTableDelegate.projectId(execution);
        // A job after finance's decision committed: the approver is the one the history names.
        review.approve(projectId, review.lastActor(projectId, Steps.name(Steps.FINANCE_REVIEW), "approve"));
    }
}
