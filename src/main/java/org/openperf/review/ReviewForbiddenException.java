package org.openperf.review;

import org.openperf.kernel.ForbiddenException;

/** The caller may see the task but not do this to it (403), e.g. approve a table they submitted themselves. */
public class ReviewForbiddenException extends ForbiddenException {

    public ReviewForbiddenException(String message) {
        super(message);
    }
}
