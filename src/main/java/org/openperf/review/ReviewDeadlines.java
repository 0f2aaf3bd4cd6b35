package org.openperf.review;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Due dates of review tasks (setting {@code perf.review.due-days}, default 10): the reminder (催办) is sent once
 * the due date has passed, the escalation to the lead group after a second period. The sweep that sends them
 * (process review-reminders) runs on {@code perf.review.reminder-sweep} (a cron, default every hour) and works
 * through {@code perf.review.reminder-batch} tasks (default 200) per transaction. Used by expressions in the BPMN.
 */
@Component("reviewDeadlines")
public class ReviewDeadlines {

    private final int dueDays;
    private final String sweep;
    private final int batch;

    public ReviewDeadlines(@Value("${perf.review.due-days:10}") int dueDays,
                           @Value("${perf.review.reminder-sweep:0 0 * * * ?}") String sweep,
                           @Value("${perf.review.reminder-batch:200}") int batch) {
        if (dueDays < 1 || batch < 1) {
            throw new IllegalArgumentException("perf.review.due-days and perf.review.reminder-batch must be at least 1");
        }
        // A bad cycle would only show at deployment, as a parse error of review-reminders.bpmn: name it here.
        if (sweep == null || !(sweep.trim().startsWith("R") || sweep.trim().split("\\s+").length >= 6)) {
            throw new IllegalArgumentException("perf.review.reminder-sweep must be a cron of six or seven fields "
                    + "(e.g. \"0 0 * * * ?\", every hour) or an ISO 8601 cycle (e.g. \"R/PT1H\"), not \"" + sweep + "\"");
        }
        this.dueDays = dueDays;
        this.sweep = sweep.trim();
        this.batch = batch;
    }

    /** Days until a review task is due; the BPMN adds them to the engine's clock with {@code dateTime()}. */
    public int dueDays() {
        return dueDays;
    }

    /** When the reminder sweep runs: the timer cycle of review-reminders' start event. */
    public String sweepCycle() {
        return sweep;
    }

    /** Review tasks followed up per transaction of the sweep. */
    public int sweepBatch() {
        return batch;
    }

    /** The boundary timers of target-approval versions deployed before the sweep (their instances may still run). */
    public String period() {
        return "P" + dueDays + "D";
    }

    /** See {@link #period()}. */
    public String overduePeriod() {
        return "P" + (2 * dueDays) + "D";
    }
}
