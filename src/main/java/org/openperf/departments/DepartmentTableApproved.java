package org.openperf.departments;

/**
 * 批复 of a department table, published inside the approval's transaction: features above this package (the
 * year's self-evaluation round) reach a table approved after they began.
 */
public record DepartmentTableApproved(long tableId, int year) {
}
