package org.openperf.kernel;

/**
 * The caller may see the thing but not do this to it (403): the message says what was refused and why, e.g.
 * "提交人不能审批自己提交的目标表". Features throw it (or their own subclass) instead of each other's exceptions.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
