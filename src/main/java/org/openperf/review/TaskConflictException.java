package org.openperf.review;

/** The task was taken or completed by someone else meanwhile (409): nothing of this request was recorded. */
public class TaskConflictException extends RuntimeException {

    public TaskConflictException(String message) {
        super(message);
    }
}
