package org.openperf.evaluation;

import org.openperf.review.ProjectKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask 结果公开: the self-evaluation's score and grade are final. */
@Component("publishSelfEvaluation")
public class PublishSelfEvaluationDelegate implements JavaDelegate {

    private final SelfEvaluationLifecycle evaluations;

    public PublishSelfEvaluationDelegate(SelfEvaluationLifecycle evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = ProjectKeys.of(execution);
        // Sampled: the finance reviewer who approved the 财政复核 (recheck is stored by 抽样复核判定).
        evaluations.publish(projectId, Boolean.TRUE.equals(execution.getVariable("recheck"))
                ? evaluations.recheckApprover(projectId) : null);
    }
}
