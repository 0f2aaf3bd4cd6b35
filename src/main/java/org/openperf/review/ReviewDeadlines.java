package org.openperf.review;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Due dates of review tasks (setting {@code perf.review.due-days}, default 10): the reminder (催办) fires when the
 * due date passes, the escalation to the lead group after a second period. Used by expressions in the BPMN.
 */
@Component("reviewDeadlines")
public class ReviewDeadlines {

    private final int dueDays;

    public ReviewDeadlines(@Value("${perf.review.due-days:10}") int dueDays) {
        this.dueDays = dueDays;
    }

    public String period() {
        return "P" + dueDays + "D";
    }

    public String overduePeriod() {
        return "P" + (2 * dueDays) + "D";
    }

    /** Days until a review task is due; the BPMN adds them to the engine's clock with {@code dateTime()}. */
    public int dueDays() {
        return dueDays;
    }
}
