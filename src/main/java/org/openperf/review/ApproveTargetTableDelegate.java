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
        review.approve(ValidateTargetTableDelegate.projectId(execution),
                (String) execution.getVariable("lastApprover"));
    }
}
