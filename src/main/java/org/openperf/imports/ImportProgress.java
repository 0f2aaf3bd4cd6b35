package org.openperf.imports;

/** Told how far a stored import has come: how many of the file's tables are stored so far. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (done, total) -> { };

    void tablesDone(int done, int total);
}
