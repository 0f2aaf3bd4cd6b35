package org.openperf.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openperf.kernel.RoundDeliveries;
import org.springframework.stereotype.Component;

/**
 * ServiceTask 逐批送达 of monitoring-round-delivery: one batch of the round's tables, in the job's transaction;
 * {@code more} tells the gateway whether to take another.
 */
@Component("reachMonitoringRoundBatch")
public class ReachMonitoringRoundBatchDelegate implements JavaDelegate {

    private final MonitoringRoundDelivery delivery;
    private final RoundDeliveries deliveries;

    public ReachMonitoringRoundBatchDelegate(MonitoringRoundDelivery delivery, RoundDeliveries deliveries) {
        this.delivery = delivery;
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long round = RoundDeliveries.number(execution.getVariable(MonitoringRoundDelivery.ROUND),
                MonitoringRoundDelivery.ROUND);
        execution.setVariable(MonitoringRoundDelivery.MORE, delivery.reachBatch(round, deliveries.batchSize()));
    }
}
