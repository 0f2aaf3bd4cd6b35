package org.openperf.evaluation;

/** Which rule of 财预〔2020〕10号 (as DOMAIN.md states it) scored an indicator. */
public enum ScoringRule {
    /** ≥ / >: actual ≥ target, full weight (over-achievement capped). */
    AT_LEAST_MET,
    /** ≥ / >: actual below target, actual ÷ target × weight. */
    AT_LEAST_SHORT,
    /** ≤ / <: actual ≤ target, full weight. */
    AT_MOST_MET,
    /** ≤ / <: between target and 2× target, (1 − (actual − target) ÷ target) × weight. */
    AT_MOST_OVER,
    /** ≤ / <: 2× target or more, 0. */
    AT_MOST_DOUBLE,
    /** ≤ / < with target 0 (or below): full weight when actual ≤ target, else 0. */
    AT_MOST_ZERO_TARGET,
    /** =: equal to the target's precision, full weight. */
    EQUAL_MET,
    /** = 0: any other value, 0. */
    EQUAL_ZERO_TARGET,
    /** =: not equal, scored as ≥ (full when above, with the over-achievement note; else actual ÷ target × weight). */
    EQUAL_AS_AT_LEAST,
    /** Date limit met: full weight. */
    DEADLINE_MET,
    /** Date limit missed and no tier set: 0. */
    DEADLINE_MISSED,
    /** Date limit missed, scored by the tier the reviewer set. */
    DEADLINE_TIER,
    /** Qualitative: the chosen score inside the chosen tier. */
    QUALITATIVE_TIER,
    /** Grading bands 优/良/中/差: the band's percent of the weight. */
    BANDS,
    /** No actual given: 0 until it is filled. */
    NO_ACTUAL
}
