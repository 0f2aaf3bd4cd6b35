package org.openperf.review;

/** A reviewer's decision as the task API and the forms send it. */
public record Decision(String decision, String comment, String returnTo) {

    public boolean isApprove() {
        return "approve".equals(decision);
    }

    public boolean isReturn() {
        return "return".equals(decision);
    }
}
