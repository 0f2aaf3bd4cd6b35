package org.openperf.imports;

import java.util.List;

/** What a reader found in one file: the tables, and the problems with their places. */
public record ReadResult(List<ImportedTable> tables, List<ImportProblem> problems) {

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == org.openperf.kernel.Severity.ERROR);
    }
}
