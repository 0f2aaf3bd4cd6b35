package org.openperf.monitoring;

import org.openperf.review.ProjectKeys;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask 排定下一监控节点: the timer after it waits for the milestone this sets. */
@Component("planNextMilestone")
public class PlanNextMilestoneDelegate implements JavaDelegate {

    private final MilestoneService milestones;

    public PlanNextMilestoneDelegate(MilestoneService milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer last = (Integer) execution.getVariable("milestoneMonth");
        Date now = (Date) execution.getVariableLocal("now");
        Optional<Milestone> next = milestones.next(projectId(execution), last, now.toInstant());
        execution.setVariable("hasNextMilestone", next.isPresent());
        next.ifPresent(m -> {
            execution.setVariable("nextMilestone", m.timerDate());
            execution.setVariable("milestoneMonth", m.month());
        });
    }

    static Long projectId(DelegateExecution execution) {
        return ProjectKeys.of(execution);
    }
}
