package org.openperf.imports;

import java.math.BigDecimal;
import java.util.List;
import org.openperf.targets.ProjectView;

/**
 * What an import (or its dry run) produced: the projects, the department tables (部门整体绩效目标; empty when the
 * file has none), and every problem with its place in the file.
 */
public record ImportResult(Long importId, boolean dryRun, int tableCount, int indicatorCount,
                           List<ImportedProject> projects, List<ProblemView> problems, Long duplicateOf,
                           List<ImportedDepartmentTable> departmentTables) {

    public ImportResult {
        departmentTables = departmentTables == null ? List.of() : List.copyOf(departmentTables);
    }

    /** Without department tables. */
    public ImportResult(Long importId, boolean dryRun, int tableCount, int indicatorCount,
                        List<ImportedProject> projects, List<ProblemView> problems, Long duplicateOf) {
        this(importId, dryRun, tableCount, indicatorCount, projects, problems, duplicateOf, List.of());
    }

    public record ImportedProject(Long id, String code, String name, ProjectView.UnitRef unit, BigDecimal budget,
                                  BigDecimal fiscalFunds, BigDecimal otherFunds, int indicatorCount,
                                  long errors, long warnings) {
    }

    /** A department table the file held: stored (id) or, in a dry run, what would be stored (id null). */
    public record ImportedDepartmentTable(Long id, String departmentCode, String departmentName, int year,
                                          int activityCount, int indicatorCount, long errors, long warnings) {
    }

    /** {@code rule} is the validation rule id for business-rule findings, null for what the reader met. */
    public record ProblemView(String severity, String location, String message, String rule) {
    }
}
