package org.openperf.review.department;

import java.util.Map;
import java.util.Set;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.review.Decision;
import org.openperf.review.ReviewDecisions;
import org.openperf.review.StepCompletion;
import org.springframework.stereotype.Component;

/**
 * The rules of department-monitoring-round's user tasks, however completed: 填报监控表 submits the stored 监控表
 * (refused while incomplete), 财政审核监控表 approves or returns it with an opinion. The round is the instance's
 * {@code roundId}, set when the round reached the table and not a field any completion may carry.
 */
@Component
public class DepartmentMonitoringSteps extends DepartmentStepRule {

    private static final Set<String> REPORT_FIELDS = Set.of("comment");
    private static final Set<String> FINANCE_FIELDS = Set.of("decision", "comment");

    private final DepartmentMonitoring monitoring;

    public DepartmentMonitoringSteps(DepartmentMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public Set<String> steps() {
        return Set.of(DepartmentTargetProcess.MONITORING_REPORT, DepartmentTargetProcess.MONITORING_FINANCE_REVIEW);
    }

    @Override
    public Set<String> fields(String step) {
        return DepartmentTargetProcess.MONITORING_REPORT.equals(step) ? REPORT_FIELDS : FINANCE_FIELDS;
    }

    @Override
    public Map<String, Object> complete(StepCompletion c) {
        String comment = comment(c);
        long roundId = ((Number) c.variable("roundId")).longValue();
        if (DepartmentTargetProcess.MONITORING_REPORT.equals(c.step())) {
            monitoring.submit(c.projectId(), roundId, c.taskId(), c.userId(), comment);
            return Map.of();
        }
        Decision d = ReviewDecisions.approveOrReturn(c, "监控表");
        monitoring.decide(c.projectId(), roundId, c.taskId(), d.isApprove(), d.comment(), c.userId());
        return d.comment() == null ? Map.of("decision", d.decision())
                : Map.of("decision", d.decision(), "comment", d.comment());
    }
}
