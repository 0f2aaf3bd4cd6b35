package org.openperf.review;

import java.util.List;
import org.openperf.targets.ProjectService;
import org.springframework.stereotype.Component;

/**
 * What every approve-or-return step asks of a decision (审批结论), whichever feature owns the step: approve or
 * return, an opinion on every return, a return target only where the step offers one, and never an approval of a
 * table by the one who submitted it.
 */
@Component
public class ReviewDecisions {

    private final ProjectService projects;

    public ReviewDecisions(ProjectService projects) {
        this.projects = projects;
    }

    /** The decision of a completion, checked; {@code returnTargets}: whether the step offers returnTo. */
    public Decision check(StepCompletion c, boolean returnTargets) {
        Decision d = c.decision();
        checkShape(d, returnTargets);
        if (d.isApprove() && c.userId() != null && c.userId().equals(projects.submitter(c.projectId()))) {
            throw new ReviewForbiddenException("提交人不能审批自己提交的目标表");
        }
        return d;
    }

    /** What a decision must hold, before anything is read or written. */
    public static void checkShape(Decision d, boolean returnTargets) {
        if (d == null || (!d.isApprove() && !d.isReturn())) {
            throw new IllegalArgumentException("审批结论 decision 必须为 approve（同意）或 return（退回）");
        }
        requireOpinionOnReturn(d, "退回时必须填写审批意见");
        if (d.returnTo() != null && !(returnTargets && List.of("unit", "department").contains(d.returnTo()))) {
            throw new IllegalArgumentException(returnTargets
                    ? "退回对象 returnTo 必须为 unit（退回单位）或 department（退回部门）"
                    : "本环节只能退回上一环节，不接受退回对象 returnTo");
        }
    }

    /**
     * The decision of a review step that approves or returns {@code what} (a 监控表, a 偏差说明) to the step before
     * it: approve or return, and an opinion on a return.
     */
    public static Decision approveOrReturn(StepCompletion c, String what) {
        Decision d = c.decision();
        if (!d.isApprove() && !d.isReturn()) {
            throw new IllegalArgumentException("审核结论 decision 必须为 approve（同意）或 return（退回）");
        }
        requireOpinionOnReturn(d, "退回" + what + "时必须填写审核意见");
        return d;
    }

    public static void requireOpinionOnReturn(Decision d, String message) {
        if (d.isReturn() && blankToNull(d.comment()) == null) {
            throw new IllegalArgumentException(message);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
