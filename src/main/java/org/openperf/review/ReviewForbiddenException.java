package org.openperf.review;

import org.openperf.kernel.ForbiddenException;

/**
 * The caller may see the task but not do this to it (403), e.g. approve a table they submitted themselves. Kept for
 * the step rules, whose refusal {@code ReviewTasks} recognises through the engine by this type, and for the callers
 * not yet moved to {@link ForbiddenException}, which new code throws.
 */
public class ReviewForbiddenException extends ForbiddenException {

    public ReviewForbiddenException(String message) {
        super(message);
    }
}
