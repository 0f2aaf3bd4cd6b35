package org.openperf.review;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openperf.kernel.Finding;
import org.springframework.stereotype.Component;

/** ServiceTask 校验: runs validation on the submitted table; the gateway after it reads the counts. */
@Component("validateTargetTable")
public class ValidateTargetTableDelegate implements JavaDelegate {

    private final ReviewService review;

    public ValidateTargetTableDelegate(ReviewService review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long projectId = projectId(execution);
        // A job after the submission committed: the submitter is the one the history names.
        List<Finding> findings = review.validateSubmission(projectId,
                review.lastActor(projectId, Steps.name(Steps.DRAFTING), "submit"));
        RoutingVariables.set(execution, RoutingVariables.VALIDATION_ERRORS,
                findings.stream().filter(Finding::isError).count());
    }

    static Long projectId(DelegateExecution execution) {
        return ProjectKeys.of(execution);
    }
}
