package org.openperf.evaluation;

import org.openperf.kernel.InvalidInputException;

/** A self-evaluation that cannot be scored as given; the message (in Chinese) says what to correct. */
public class ScoringException extends InvalidInputException {

    public ScoringException(String message) {
        super(message);
    }
}
