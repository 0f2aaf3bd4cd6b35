package org.openperf.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The figures of one reliability run, printed as a table and written to target/reliability/report.md. */
final class ReliabilityReport {

    record Row(String scenario, String figure, String value) {
    }

    private static final List<Row> ROWS = new ArrayList<>();
    private static final List<String> NOTES = new ArrayList<>();

    private ReliabilityReport() {
    }

    static synchronized void add(String scenario, String figure, Object value) {
        ROWS.add(new Row(scenario, figure, String.valueOf(value)));
    }

    static synchronized void note(String text) {
        NOTES.add(text);
    }

    static synchronized String markdown() {
        StringBuilder b = new StringBuilder("# Reliability run, ").append(Instant.now()).append("\n\n");
        b.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, shared with other work")
                .append(" (timings are noisy). Java ").append(System.getProperty("java.version")).append(".\n\n");
        b.append("| scenario | figure | value |\n|---|---|---|\n");
        for (Row r : ROWS) {
            b.append("| ").append(r.scenario()).append(" | ").append(r.figure()).append(" | ").append(r.value())
                    .append(" |\n");
        }
        if (!NOTES.isEmpty()) {
            b.append('\n');
            NOTES.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    static void write() throws IOException {
        String md = markdown();
        Path out = Path.of("target", "reliability", "report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        System.out.println("(written to " + out.toAbsolutePath() + ")");
    }

    /**
     * A bench's page (the busiest day, the fifth year): its introduction, a table whose header is {@code columns}, its
     * rows as written and its notes as a list; written to target/bench/{@code file} and printed.
     */
    static void writeBench(String file, StringBuilder page, String columns, List<String> rows, List<String> notes)
            throws IOException {
        page.append(columns).append('\n').append("|---".repeat(columns.split("\\|", -1).length - 2)).append("|\n");
        rows.forEach(r -> page.append(r).append('\n'));
        page.append('\n');
        notes.forEach(n -> page.append("- ").append(n).append('\n'));
        Path out = Path.of("target", "bench", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, page.toString(), StandardCharsets.UTF_8);
        System.out.println(page);
    }

    static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }
}
