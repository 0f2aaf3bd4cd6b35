package org.openperf.imports;

import org.openperf.kernel.Severity;

/**
 * Something the reader met in a file. ERROR: a table that cannot be read as a table at all (no name, no indicator
 * header): the whole file is refused. WARNING: read, but the user should look (a row that slid one column, a
 * number repaired from PDF artefacts, a value in the wrong column).
 */
public record ImportProblem(Severity severity, SourceRef where, String message) {

    public static ImportProblem error(SourceRef where, String message) {
        return new ImportProblem(Severity.ERROR, where, message);
    }

    public static ImportProblem warning(SourceRef where, String message) {
        return new ImportProblem(Severity.WARNING, where, message);
    }

    public String location() {
        return where == null ? "" : where.toString();
    }
}
