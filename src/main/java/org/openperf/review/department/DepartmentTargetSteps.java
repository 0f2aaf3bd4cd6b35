package org.openperf.review.department;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.openperf.departments.DepartmentTargetApprovals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewDecisions;
import org.openperf.review.StepCompletion;
import org.springframework.stereotype.Component;

/**
 * The rules of department-target-approval's user tasks, whichever way they are completed (the page's 提交审核,
 * Tasklist's form, {@code /engine-rest}): 编制 submits (the department checks refuse a table with errors); 财政审核
 * approves or returns with an opinion, and only to 编制 (no return target). Who may complete each is the engine's
 * candidate group: the table's department for 编制, finance for 财政审核.
 */
@Component
public class DepartmentTargetSteps extends DepartmentStepRule {

    private static final Set<String> DRAFTING_FIELDS = Set.of("comment");
    private static final Set<String> FINANCE_FIELDS = Set.of("decision", "comment");

    private final DepartmentTargetApprovals approvals;

    public DepartmentTargetSteps(DepartmentTargetApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public Set<String> steps() {
        return Set.of(DepartmentTargetProcess.DRAFTING, DepartmentTargetProcess.FINANCE_REVIEW);
    }

    @Override
    public Set<String> fields(String step) {
        return DepartmentTargetProcess.DRAFTING.equals(step) ? DRAFTING_FIELDS : FINANCE_FIELDS;
    }

    @Override
    public Map<String, Object> complete(StepCompletion c) {
        String comment = comment(c);
        Map<String, Object> vars = new HashMap<>();
        if (DepartmentTargetProcess.DRAFTING.equals(c.step())) {
            approvals.submit(c.projectId(), c.taskId(), c.userId(), comment);
            return vars;
        }
        Decision d = c.decision();
        ReviewDecisions.checkShape(d, false);
        approvals.decide(c.projectId(), c.taskId(), d.isApprove(), d.comment(), c.userId());
        vars.put("decision", d.decision());
        vars.put("comment", d.comment());
        return vars;
    }
}
