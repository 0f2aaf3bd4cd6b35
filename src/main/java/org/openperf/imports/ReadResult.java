package org.openperf.imports;

import java.util.List;

/**
 * What a reader found in one file: the project tables, the problems with their places, and the department table
 * (部门整体绩效目标) when the file has one (else null).
 */
public record ReadResult(List<ImportedTable> tables, List<ImportProblem> problems, DepartmentTableRead department) {

    public ReadResult(List<ImportedTable> tables, List<ImportProblem> problems) {
        this(tables, problems, null);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == org.openperf.kernel.Severity.ERROR);
    }
}
