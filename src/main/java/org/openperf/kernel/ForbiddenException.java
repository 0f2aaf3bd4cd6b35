package org.openperf.kernel;

/**
 * The caller may see the thing but not do this to it: answered 403 with the message, whichever feature refuses.
 * Features throw it (or their own subclass) instead of each other's exceptions.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
