package org.openperf.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openperf.kernel.RoundDeliveries;
import org.springframework.stereotype.Component;

/** ServiceTask 送达部门整体目标 of monitoring-round-delivery: the department tables, and the round marked delivered. */
@Component("finishMonitoringRoundDelivery")
public class FinishMonitoringRoundDeliveryDelegate implements JavaDelegate {

    private final MonitoringRoundDelivery delivery;

    public FinishMonitoringRoundDeliveryDelegate(MonitoringRoundDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.finish(RoundDeliveries.number(execution.getVariable(MonitoringRoundDelivery.ROUND),
                MonitoringRoundDelivery.ROUND));
    }
}
