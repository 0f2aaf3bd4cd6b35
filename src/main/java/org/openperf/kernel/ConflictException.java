package org.openperf.kernel;

/**
 * The request was fine but the thing is not in a state that allows it (409): a table under review is frozen, a round
 * is already open, a colleague completed the task a moment ago. Nothing of the request was recorded; the message
 * says which thing, in which state.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
