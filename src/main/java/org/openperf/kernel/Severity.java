package org.openperf.kernel;

/** ERROR blocks submission (or, for an import, the file); WARNING travels with the table to the reviewers. */
public enum Severity {
    ERROR, WARNING
}
