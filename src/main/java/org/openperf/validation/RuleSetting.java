package org.openperf.validation;

import org.openperf.kernel.Severity;
/**
 * A province's setting for one rule ({@code perf.validation.rules.<code>.severity} and {@code .from-year}): the
 * level it wants and the first fiscal year it applies to ({@code null} = every year). Before that year the rule's
 * default holds.
 */
public record RuleSetting(Level level, Integer fromYear) {

    /** What a rule's finding becomes: an ERROR, a WARNING, or nothing at all. */
    public enum Level {
        ERROR, WARNING, OFF;

        Severity severity() {
            return this == OFF ? null : Severity.valueOf(name());
        }

        static Level of(Severity severity) {
            return valueOf(severity.name());
        }
    }

    public RuleSetting {
        if (level == null) {
            throw new IllegalArgumentException("level");
        }
    }

    boolean appliesTo(int year) {
        return fromYear == null || year >= fromYear;
    }
}
