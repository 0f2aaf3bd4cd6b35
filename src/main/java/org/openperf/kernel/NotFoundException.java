package org.openperf.kernel;

/**
 * No such thing, or not one the caller may see (404 in both cases: another unit's things are not disclosed). The
 * message names what was looked for, e.g. "项目 42 不存在".
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
