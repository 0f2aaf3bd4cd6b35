package org.openperf.monitoring;

import org.openperf.review.ProjectKeys;
import java.time.Clock;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openperf.kernel.TransientVariables;
import org.springframework.stereotype.Component;

/** ServiceTask 排定下一监控节点: the timer after it waits for the milestone this sets. */
@Component("planNextMilestone")
public class PlanNextMilestoneDelegate implements JavaDelegate {

    private final MilestoneService milestones;
    private final Clock clock;

    public PlanNextMilestoneDelegate(MilestoneService milestones, Clock clock) {
        this.milestones = milestones;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer last = (Integer) execution.getVariable("milestoneMonth");
        Optional<Milestone> next = milestones.next(projectId(execution), last, clock.instant());
        // Only the gateway after this task reads it; the timer reads nextMilestone, which is stored.
        TransientVariables.set(execution, "hasNextMilestone", next.isPresent());
        next.ifPresent(m -> {
            execution.setVariable("nextMilestone", m.timerDate());
            execution.setVariable("milestoneMonth", m.month());
        });
    }

    static Long projectId(DelegateExecution execution) {
        return ProjectKeys.of(execution);
    }
}
