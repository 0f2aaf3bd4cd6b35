package org.openperf.kernel.rules;

/**
 * One result a new version of a table would change: a project's grade or light, as it is and as it would be.
 *
 * @param project the project's name
 * @param before  what the version in force gave (优, 红灯…)
 * @param after   what the new version gives
 * @param input   what it was decided on, in the page's words (总分 88.00, v = 55.00%)
 */
public record RuleChange(String project, String before, String after, String input) {
}
