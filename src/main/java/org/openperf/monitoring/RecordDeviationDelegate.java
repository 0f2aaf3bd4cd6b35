package org.openperf.monitoring;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask 记录偏差说明: keeps the unit's explanation and the department's decision on the milestone. */
@Component("recordDeviation")
public class RecordDeviationDelegate implements JavaDelegate {

    private final MilestoneService milestones;

    public RecordDeviationDelegate(MilestoneService milestones) {
        this.milestones = milestones;
    }

    /** A checklist arrives as a list, or from Tasklist as JSON text such as ["经费保障","其他"]. */
    static String reasons(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> c) {
            return String.join("、", c.stream().map(String::valueOf).toList());
        }
        return value.toString().replaceAll("[\\[\\]\"]", "").replace(",", "、");
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reasons = execution.getVariable("deviationReasons");
        milestones.recordDeviation(PlanNextMilestoneDelegate.projectId(execution),
                (Integer) execution.getVariable("milestoneMonth"),
                reasons(reasons),
                (String) execution.getVariable("deviationText"), (String) execution.getVariable("measures"),
                (String) execution.getVariable("reviewer"),
                (String) execution.getVariable(MonitoringSteps.DEVIATION_DECISION),
                (String) execution.getVariable(MonitoringSteps.DEVIATION_COMMENT));
    }
}
