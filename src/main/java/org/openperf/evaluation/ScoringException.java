package org.openperf.evaluation;

/** A self-evaluation that cannot be scored as given; the message (in Chinese) says what to correct. */
public class ScoringException extends RuntimeException {

    public ScoringException(String message) {
        super(message);
    }
}
