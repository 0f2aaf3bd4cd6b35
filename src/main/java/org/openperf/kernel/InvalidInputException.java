package org.openperf.kernel;

import java.util.List;

/**
 * Input that cannot be taken as given (400): a missing field, a value out of range, an unknown unit. The message says
 * what and where (the field, the indicator, the row); where there are several problems, {@link #details()} lists
 * each. Nothing of the request is stored.
 *
 * <p>An {@link IllegalArgumentException}, so code that already treats a bad argument as the caller's mistake (the
 * engine wrapping a step rule's refusal, a batch reporting each task) treats this one alike.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final List<?> details;

    public InvalidInputException(String message) {
        this(message, List.of());
    }

    public InvalidInputException(String message, List<?> details) {
        super(message);
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    protected InvalidInputException(String message, Throwable cause) {
        super(message, cause);
        this.details = List.of();
    }

    /** Each problem, where the message sums several up (e.g. every table of a file that cannot be read); else empty. */
    public List<?> details() {
        return details;
    }
}
