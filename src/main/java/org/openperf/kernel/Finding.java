package org.openperf.kernel;

/**
 * One validation result. {@code field} names what it concerns: a project field (预算数, 资金支出计划 …) or the
 * indicator's 三级 name; {@code indicatorIndex} is the row's position in the table (0-based), null for project fields.
 */
public record Finding(Severity severity, String rule, String field, Integer indicatorIndex, String message) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
