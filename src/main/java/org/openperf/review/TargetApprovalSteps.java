package org.openperf.review;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The rules of target-approval's user tasks: 编制 submits (the submitter is whoever completes it), 部门审核 and
 * 财政审核 approve or return with an opinion, finance may return to the department or to the unit.
 */
@Component
public class TargetApprovalSteps implements StepRule {

    private static final Set<String> DRAFTING_FIELDS = Set.of("comment");
    private static final Set<String> DEPARTMENT_FIELDS = Set.of("decision", "comment");
    private static final Set<String> FINANCE_FIELDS = Set.of("decision", "comment", "returnTo");

    private final ReviewService review;
    private final ReviewDecisions decisions;

    public TargetApprovalSteps(ReviewService review, ReviewDecisions decisions) {
        this.review = review;
        this.decisions = decisions;
    }

    @Override
    public Set<String> steps() {
        return Set.of(Steps.DRAFTING, Steps.DEPARTMENT_REVIEW, Steps.FINANCE_REVIEW);
    }

    @Override
    public Set<String> fields(String step) {
        return switch (step) {
            case Steps.DRAFTING -> DRAFTING_FIELDS;
            case Steps.DEPARTMENT_REVIEW -> DEPARTMENT_FIELDS;
            default -> FINANCE_FIELDS;
        };
    }

    @Override
    public Map<String, Object> complete(StepCompletion c) {
        Map<String, Object> vars = new HashMap<>();
        String step = Steps.name(c.step());
        if (Steps.DRAFTING.equals(c.step())) {
            vars.put("submitter", c.userId());
            review.record(c.projectId(), c.taskId(), step, "submit", c.userId(), c.text("comment"));
            return vars;
        }
        boolean finance = Steps.FINANCE_REVIEW.equals(c.step());
        Decision d = decisions.check(c, finance);
        String returnTo = finance && "department".equals(d.returnTo()) ? "department" : "unit";
        vars.put("decision", d.decision());
        vars.put("comment", d.comment());
        vars.put("returnTo", returnTo);
        if (d.isApprove()) {
            vars.put("lastApprover", c.userId());
        }
        review.record(c.projectId(), c.taskId(), step, d.isApprove() ? "approve"
                : "department".equals(returnTo) ? "return-department" : "return", c.userId(), d.comment());
        return vars;
    }
}
