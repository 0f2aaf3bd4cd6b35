package org.openperf.evaluation;

import org.openperf.kernel.Severity;

/**
 * Something the self-evaluation still needs before it can go to review. An ERROR blocks submission, a WARNING
 * travels with the self-evaluation to the reviewers.
 *
 * @param indicatorIndex the indicator's position in the table (0-based); null for the project as a whole
 * @param indicatorName  the 三级 name
 */
public record ScoreNote(Integer indicatorIndex, String indicatorName, Kind kind, Severity severity, String message) {

    public enum Kind {
        /** A shortfall (score below the weight) without 偏差原因分析及改进措施: ERROR. */
        MISSING_DEVIATION_EXPLANATION,
        /** Actual above 120% of a ≥ target without an explanation: WARNING until given. */
        OVER_ACHIEVEMENT_EXPLANATION,
        /** No actual filled for the indicator (scored 0): ERROR. */
        MISSING_ACTUAL
    }
}
