package org.openperf.web;

import java.util.List;

/** The body of every error answer of the project's API: a Chinese message a user can act on. */
public record ApiError(int status, String error, String message, List<?> problems) {
}
