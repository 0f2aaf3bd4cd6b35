package org.openperf.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openperf.kernel.RoundDeliveries;
import org.springframework.stereotype.Component;

/** ServiceTask 送达部门整体目标 of self-evaluation-round-delivery: the department tables, and the round delivered. */
@Component("finishSelfEvaluationRoundDelivery")
public class FinishSelfEvaluationRoundDeliveryDelegate implements JavaDelegate {

    private final SelfEvaluationRoundDelivery delivery;

    public FinishSelfEvaluationRoundDeliveryDelegate(SelfEvaluationRoundDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.finish((int) RoundDeliveries.number(execution.getVariable(SelfEvaluationRoundDelivery.YEAR),
                SelfEvaluationRoundDelivery.YEAR));
    }
}
