package org.openperf.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openperf.kernel.RoundDeliveries;
import org.springframework.stereotype.Component;

/**
 * ServiceTask 逐批送达 of self-evaluation-round-delivery: one batch of the round's projects, in the job's
 * transaction; {@code more} tells the gateway whether to take another.
 */
@Component("reachSelfEvaluationRoundBatch")
public class ReachSelfEvaluationRoundBatchDelegate implements JavaDelegate {

    private final SelfEvaluationRoundDelivery delivery;
    private final RoundDeliveries deliveries;

    public ReachSelfEvaluationRoundBatchDelegate(SelfEvaluationRoundDelivery delivery, RoundDeliveries deliveries) {
        this.delivery = delivery;
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = (int) RoundDeliveries.number(execution.getVariable(SelfEvaluationRoundDelivery.YEAR),
                SelfEvaluationRoundDelivery.YEAR);
        execution.setVariable(SelfEvaluationRoundDelivery.MORE, delivery.reachBatch(year, deliveries.batchSize()));
    }
}
