package org.openperf.imports;

import java.math.BigDecimal;
import java.util.List;
import org.openperf.targets.ProjectView;

/** What an import (or its dry run) produced: the projects, and every problem with its place in the file. */
public record ImportResult(Long importId, boolean dryRun, int tableCount, int indicatorCount,
                           List<ImportedProject> projects, List<ProblemView> problems, Long duplicateOf) {

    public record ImportedProject(Long id, String code, String name, ProjectView.UnitRef unit, BigDecimal budget,
                                  BigDecimal fiscalFunds, BigDecimal otherFunds, int indicatorCount,
                                  long errors, long warnings) {
    }

    /** {@code rule} is the validation rule id for business-rule findings, null for what the reader met. */
    public record ProblemView(String severity, String location, String message, String rule) {
    }
}
