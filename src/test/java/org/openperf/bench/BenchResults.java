package org.openperf.bench;

/** What one bench class measured that another's rows compare with (same JVM, one run). */
final class BenchResults {

    static volatile ImportFiles.Measured importOnly;

    private BenchResults() {
    }
}
