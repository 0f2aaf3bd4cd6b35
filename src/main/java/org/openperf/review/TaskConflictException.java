package org.openperf.review;

import org.openperf.kernel.ConflictException;

/**
 * The task was taken or completed by someone else meanwhile (409): nothing of this request was recorded. Kept only
 * for the callers not yet moved to {@link ConflictException}, which new code throws.
 */
public class TaskConflictException extends ConflictException {

    public TaskConflictException(String message) {
        super(message);
    }
}
