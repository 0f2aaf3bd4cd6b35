package org.openperf.departments;

import org.openperf.kernel.Finding;
import org.openperf.kernel.Severity;

/**
 * A {@link Finding} of a department table placed on its row: {@code activityIndex} is the activity's position (0
 * based), {@code indicatorIndex} counts the indicators across all activities as {@link Finding} does (null for a
 * finding about the activity itself), so the page shows each finding beside the row it concerns.
 */
public record DepartmentFinding(Severity severity, String rule, String field, Integer activityIndex,
                                Integer indicatorIndex, String message) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Finding finding() {
        return new Finding(severity, rule, field, indicatorIndex, message);
    }
}
