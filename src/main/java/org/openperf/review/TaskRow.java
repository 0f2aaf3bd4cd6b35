package org.openperf.review;

import java.math.BigDecimal;
import java.util.Date;
import org.openperf.targets.ProjectView;

/** One row of a task list (待办 / 已办 / 我发起的). */
public record TaskRow(String taskId, Long projectId, String projectName, int year, ProjectView.UnitRef unit,
                      BigDecimal budget, String step, String assignee, Date created, Date due, Date ended,
                      long warnings, boolean reminded, boolean overdue, String status) {
}
