package org.openperf.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openperf.kernel.TransientVariables;
import org.springframework.stereotype.Component;

/** ServiceTask 计算预算执行灯: the light at the milestone that just passed. */
@Component("checkMilestone")
public class CheckMilestoneDelegate implements JavaDelegate {

    private final MilestoneService milestones;

    public CheckMilestoneDelegate(MilestoneService milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MilestoneResult r = milestones.check(PlanNextMilestoneDelegate.projectId(execution),
                (Integer) execution.getVariable("milestoneMonth"));
        // Only the gateway after this task reads it.
        TransientVariables.set(execution, "executionLight", r.getLight().name());
        if (r.getLight() == Light.RED || r.getLight() == Light.YELLOW) {
            // Only the 偏差说明 forms show it; a green milestone (most of a burst) writes one variable less.
            execution.setVariable("executionExplanation", r.getExplanation());
        }
    }
}
