package org.openperf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openperf.imports.ImportJob;
import org.openperf.imports.ImportJobRepository;
import org.openperf.imports.ImportJobs;
import org.openperf.imports.ImportResult;
import org.openperf.imports.ImportService;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Scope;

/**
 * Scenario 1's workbooks (written once per run into target/bench/import) and their import through the real
 * ImportService; bare POI reading the same files is the baseline, measured once per run.
 */
final class ImportFiles {

    record Measured(double seconds, long peakHeapMb, long peakAfterGcMb, int tables, int indicators) {
        double tablesPerSecond() {
            return tables / seconds;
        }
    }

    private static List<Path> files;
    private static Measured poi;

    private ImportFiles() {
    }

    static synchronized List<Path> files() {
        if (files == null) {
            long t0 = System.nanoTime();
            files = QingdaoWorkbooks.write(BenchReport.DIR.resolve("import"), "qingdao-x" + BenchSettings.IMPORT_TABLES,
                    BenchSettings.IMPORT_TABLES, BenchSettings.TABLES_PER_FILE);
            BenchReport.note("Scenario 1 · import", "Workbooks: " + files.size() + " files of at most "
                    + BenchSettings.TABLES_PER_FILE + " tables (" + BenchSettings.IMPORT_TABLES + " tables, the 98 "
                    + "Qingdao tables repeated and renamed), written in " + secs(t0) + " s to target/bench/import.");
        }
        return files;
    }

    /** Bare POI: opens each workbook and reads the text of every cell. */
    static synchronized Measured poiBaseline() {
        if (poi == null) {
            List<Path> fs = files();
            long t0 = System.nanoTime();
            long cells = 0;
            try (HeapSampler heap = HeapSampler.start()) {
                for (Path f : fs) {
                    cells += QingdaoWorkbooks.readCellByCell(f);
                }
                poi = new Measured((System.nanoTime() - t0) / 1e9, heap.peakUsedMb(), heap.peakAfterGcMb(),
                        BenchSettings.IMPORT_TABLES, 0);
            }
            BenchReport.note("Scenario 1 · import", "Bare POI read " + cells + " non-empty cells and merged regions "
                    + "in " + BenchReport.fmt(poi.seconds()) + " s.");
        }
        return poi;
    }

    /** Imports every file as a new batch (year 2024, no importing department, all units in scope). */
    static Measured importAll(ImportService imports) throws Exception {
        return importAll(imports, false);
    }

    /** A dry run reads and validates every file and stores nothing: the import's cost before the database. */
    static Measured dryRunAll(ImportService imports) throws Exception {
        return importAll(imports, true);
    }

    private static Measured importAll(ImportService imports, boolean dryRun) throws Exception {
        List<Path> fs = files();
        int tables = 0;
        int indicators = 0;
        long t0 = System.nanoTime();
        try (HeapSampler heap = HeapSampler.start()) {
            for (Path f : fs) {
                ImportResult r = imports.importFile(Files.readAllBytes(f), f.getFileName().toString(), 2024, dryRun,
                        null, "bench", Scope.ALL);
                tables += r.tableCount();
                indicators += r.indicatorCount();
            }
            return new Measured((System.nanoTime() - t0) / 1e9, heap.peakUsedMb(), heap.peakAfterGcMb(), tables,
                    indicators);
        }
    }

    /**
     * Every file uploaded at once to the app's import queue ({@link ImportJobs}, as the /imports page confirms an
     * upload): the queue runs two files at a time per node, each all-or-nothing in its own transaction. Measured
     * until the last job is done; a failed job fails the bench.
     */
    static Measured importQueued(ImportJobs jobs, ImportJobRepository rows, int year) throws Exception {
        List<Path> fs = files();
        Caller finance = new Caller("bench", List.of("finance"));
        long t0 = System.nanoTime();
        try (HeapSampler heap = HeapSampler.start()) {
            List<Long> ids = new java.util.ArrayList<>();
            for (Path f : fs) {
                ids.add(jobs.start(Files.readAllBytes(f), f.getFileName().toString(), year, null, finance).getId());
            }
            int tables = 0;
            int indicators = 0;
            for (Long id : ids) {
                ImportJob job = rows.findById(id).orElseThrow();
                while (job.getStatus() == ImportJob.Status.RUNNING) {
                    Thread.sleep(20);
                    job = rows.findById(id).orElseThrow();
                }
                if (job.getStatus() != ImportJob.Status.DONE) {
                    throw new IllegalStateException("import job " + id + " " + job.getStatus() + ": "
                            + job.getMessage());
                }
                tables += job.getTablesTotal();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Measured(seconds, heap.peakUsedMb(), heap.peakAfterGcMb(), tables, indicators);
        }
    }

    static String secs(long t0) {
        return BenchReport.fmt((System.nanoTime() - t0) / 1e9);
    }
}
