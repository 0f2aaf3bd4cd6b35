package org.openperf.targets;

/** A request whose content cannot be stored as a table at all (a missing name, an unknown unit): 400. */
public class InvalidProjectException extends RuntimeException {

    public InvalidProjectException(String message) {
        super(message);
    }
}
