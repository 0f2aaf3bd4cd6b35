package org.openperf.dashboard;

import java.util.List;
import org.openperf.dashboard.MonitoringOverview.ProjectRow;

/**
 * What {@code GET /api/monitoring/projects} answers: one page of a year's approved projects in the caller's scope,
 * in department, unit and name order, with their current lights.
 *
 * @param total how many projects match in all
 * @param page  the page, from 0
 * @param rows  at most {@code size} projects
 */
public record ProjectPage(int year, String department, long total, int page, int size, List<ProjectRow> rows) {
}
