package org.openperf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openperf.PostgresTestDatabase;
import org.openperf.imports.ImportService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scenario 1 without the lifecycle: the same workbooks through the same ImportService (parse, validate, store) in
 * an application started with {@code perf.review.start-lifecycle=false}, so ReviewService's listener for
 * ProjectDraftCreated starts no process; the difference to PlatformBench's import is the cost of the lifecycle
 * starts. Its own database.
 */
@Tag("bench")
@SpringBootTest(properties = "perf.review.start-lifecycle=false")
@ActiveProfiles("test")
class ImportOnlyBench {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, "bench_import_only");
    }

    @Autowired
    ImportService imports;
    @Autowired
    RuntimeService runtime;

    @Test
    void importWithoutStartingProcesses() throws Exception {
        ImportFiles.Measured poi = ImportFiles.poiBaseline();
        ImportFiles.Measured dry = ImportFiles.dryRunAll(imports);
        ImportFiles.Measured ours = ImportFiles.importAll(imports);
        assertThat(ours.tables()).isEqualTo(BenchSettings.IMPORT_TABLES);
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
        BenchResults.importOnly = ours;
        String s = "1 import";
        BenchReport.row(s, "bare POI: read every cell, " + ours.tables() + " tables", BenchReport.fmt(poi.seconds())
                + " s", "", "", "", "");
        BenchReport.row(s, "dry run (parse and validate, store nothing): time", BenchReport.fmt(dry.seconds()) + " s",
                BenchReport.fmt(poi.seconds()) + " s (POI)", BenchReport.fmt(dry.seconds() / poi.seconds()) + "×", "",
                "");
        BenchReport.row(s, "import without lifecycle (parse, validate, store): time", BenchReport.fmt(ours.seconds())
                + " s", BenchReport.fmt(poi.seconds()) + " s (POI)", BenchReport.fmt(ours.seconds() / poi.seconds())
                + "×", "", "");
        BenchReport.row(s, "import without lifecycle: peak heap (sampled / live after GC)", ours.peakHeapMb() + " / "
                + ours.peakAfterGcMb() + " MB", poi.peakHeapMb() + " / " + poi.peakAfterGcMb() + " MB (POI)", "", "", "");
    }

    @AfterAll
    static void print() {
        BenchReport.print();
    }
}
