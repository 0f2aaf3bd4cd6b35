package org.openperf.imports;

import java.util.List;

/** A file with tables that cannot be read as tables at all: nothing of it is stored (422, every problem listed). */
public class ImportFailedException extends RuntimeException {

    private final List<ImportResult.ProblemView> problems;

    public ImportFailedException(String message, List<ImportResult.ProblemView> problems) {
        super(message);
        this.problems = problems;
    }

    public List<ImportResult.ProblemView> problems() {
        return problems;
    }
}
