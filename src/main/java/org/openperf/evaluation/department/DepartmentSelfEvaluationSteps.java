package org.openperf.evaluation.department;

import java.util.Map;
import java.util.Set;
import org.openperf.review.Decision;
import org.openperf.review.ReviewDecisions;
import org.openperf.review.StepCompletion;
import org.openperf.review.department.DepartmentStepRule;
import org.openperf.review.department.DepartmentTargetProcess;
import org.springframework.stereotype.Component;

/**
 * The rules of department-self-evaluation's user tasks, however completed: 填报自评表 submits the stored 自评表
 * (refused while incomplete; scored and graded then), 财政审核自评 approves or returns it with an opinion.
 */
@Component
public class DepartmentSelfEvaluationSteps extends DepartmentStepRule {

    private static final Set<String> REPORT_FIELDS = Set.of("comment");
    private static final Set<String> FINANCE_FIELDS = Set.of("decision", "comment");

    private final DepartmentSelfEvaluations evaluations;

    public DepartmentSelfEvaluationSteps(DepartmentSelfEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public Set<String> steps() {
        return Set.of(DepartmentTargetProcess.SELF_EVALUATION_REPORT, DepartmentTargetProcess.SELF_EVALUATION_FINANCE_REVIEW);
    }

    @Override
    public Set<String> fields(String step) {
        return DepartmentTargetProcess.SELF_EVALUATION_REPORT.equals(step) ? REPORT_FIELDS : FINANCE_FIELDS;
    }

    @Override
    public Map<String, Object> complete(StepCompletion c) {
        String comment = comment(c);
        if (DepartmentTargetProcess.SELF_EVALUATION_REPORT.equals(c.step())) {
            evaluations.submit(c.projectId(), c.taskId(), c.userId(), comment);
            return Map.of();
        }
        Decision d = ReviewDecisions.approveOrReturn(c, "自评表");
        evaluations.decide(c.projectId(), c.taskId(), d.isApprove(), d.comment(), c.userId());
        return d.comment() == null ? Map.of("decision", d.decision())
                : Map.of("decision", d.decision(), "comment", d.comment());
    }
}
