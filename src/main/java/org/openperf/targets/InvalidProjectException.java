package org.openperf.targets;

import org.openperf.kernel.InvalidInputException;

/**
 * A request whose content cannot be stored as a table at all (400). Kept only for the callers not yet moved to
 * {@link InvalidInputException}, which new code throws.
 */
public class InvalidProjectException extends InvalidInputException {

    public InvalidProjectException(String message) {
        super(message);
    }
}
