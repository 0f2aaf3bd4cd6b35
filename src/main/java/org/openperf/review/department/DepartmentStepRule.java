package org.openperf.review.department;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.openperf.review.StepCompletion;
import org.openperf.review.StepRule;

/**
 * What the rules of a department table's steps share: the table is the business key's ({@link DepartmentTargetKeys},
 * never a project's), and an opinion has the length its column holds.
 */
public abstract class DepartmentStepRule implements StepRule {

    static final int MAX_COMMENT = 4000;

    @Override
    public long subjectId(DelegateTask task) {
        return DepartmentTargetKeys.of(task);
    }

    /** The completion's opinion, trimmed; refused when longer than its column. */
    protected static String comment(StepCompletion c) {
        String comment = c.text("comment");
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("意见 comment 不能超过 " + MAX_COMMENT + " 字（现为 " + comment.length() + " 字）");
        }
        return comment;
    }
}
