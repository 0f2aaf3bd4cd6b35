package org.openperf.bench;

/**
 * The benchmark's sizes, as -D parameters of `mvn -B verify -Pbench` (the defaults are issue 8's): develop with
 * small ones, e.g. {@code -Dbench.import.tables=300 -Dbench.tasks.count=3000}.
 */
final class BenchSettings {

    /** Tables in the import (the Qingdao fixture's 98 tables repeated and renamed). */
    static final int IMPORT_TABLES = get("bench.import.tables", 10_000);
    /**
     * Tables per workbook: the importer refuses a workbook of more than 50,000 rows (TargetTableReader.MAX_ROWS,
     * a guard against huge uploads); a Qingdao table has about 20 rows, so 2,000 tables stay under it.
     */
    static final int TABLES_PER_FILE = get("bench.import.tables-per-file", 2_000);
    static final int APPROVAL_PROJECTS = get("bench.approval.projects", 2_000);
    /** Projects (and bare instances) each side approves untimed first, so neither is timed with a cold JIT. */
    static final int APPROVAL_WARMUP = get("bench.approval.warmup", 100);
    /** Projects per block: the timed part alternates blocks of ours and of the bare engine's. */
    static final int APPROVAL_BLOCK = get("bench.approval.block", 100);
    static final int BURST_PROJECTS = get("bench.burst.projects", 10_000);
    static final int TASKS = get("bench.tasks.count", 100_000);
    static final int TASK_UNITS = get("bench.tasks.units", 1_000);
    /** Requests per role and side for the task-list percentiles (after a warm-up of 20). */
    static final int TASK_SAMPLES = get("bench.tasks.samples", 100);
    static final int SCORING_ITEMS = get("bench.scoring.items", 100_000);
    /** Projects of the one unit whose pages are timed (issue 6: under 300 ms at 500 projects). */
    static final int PAGE_PROJECTS = get("bench.pages.projects", 500);

    private BenchSettings() {
    }

    private static int get(String name, int fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim().replace("_", ""));
    }

    static String describe() {
        return "bench.import.tables=" + IMPORT_TABLES + " bench.import.tables-per-file=" + TABLES_PER_FILE
                + " bench.approval.projects=" + APPROVAL_PROJECTS + " bench.approval.warmup=" + APPROVAL_WARMUP + " bench.approval.block=" + APPROVAL_BLOCK + " bench.burst.projects=" + BURST_PROJECTS
                + " bench.tasks.count=" + TASKS + " bench.tasks.units=" + TASK_UNITS
                + " bench.tasks.samples=" + TASK_SAMPLES + " bench.scoring.items=" + SCORING_ITEMS + " bench.pages.projects=" + PAGE_PROJECTS;
    }
}
