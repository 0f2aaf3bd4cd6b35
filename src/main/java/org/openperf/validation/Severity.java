package org.openperf.validation;

/** ERROR blocks submission (or, for an import, the file); WARNING travels with the table to the reviewers. */
public enum Severity {
    ERROR, WARNING
}
