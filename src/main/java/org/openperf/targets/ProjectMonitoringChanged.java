package org.openperf.targets;

/**
 * Published inside the transaction that changed what an approved project's monitoring light and execution curve
 * are computed from: its approval (budget, spending plan), a spending reading, a milestone check or its 偏差说明, a
 * 监控表 or its review. The dashboard keeps its stored light up to date from it (an edit of the table publishes
 * {@link ProjectDraftEdited}, which counts the same).
 */
public record ProjectMonitoringChanged(Long projectId) {
}
