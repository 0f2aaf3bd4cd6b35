package org.openperf.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's result table (ours, the bare engine's or bare POI's, their ratio, the goal) and the notes that
 * explain it, printed and written to target/bench/report.md after every row, so a run cut short keeps what it
 * measured. One report per JVM: all bench classes of a run write into it.
 */
final class BenchReport {

    static final Path DIR = Path.of("target", "bench");

    record Row(String scenario, String measure, String ours, String baseline, String ratio, String goal,
               String verdict) {
    }

    private static final List<Row> ROWS = new ArrayList<>();
    private static final Map<String, List<String>> NOTES = new LinkedHashMap<>();
    private static final Instant STARTED = Instant.now();

    private BenchReport() {
    }

    /** One line of the table; empty strings where a column does not apply. */
    static synchronized void row(String scenario, String measure, String ours, String baseline, String ratio,
                                 String goal, String verdict) {
        ROWS.add(new Row(scenario, measure, ours, baseline, ratio, goal, verdict));
        write();
    }

    /** A time of ours against the bare engine's with a ratio goal. */
    static void ratio(String scenario, String measure, double ours, double baseline, String unit, double maxRatio) {
        double r = ours / baseline;
        row(scenario, measure, fmt(ours) + " " + unit, fmt(baseline) + " " + unit, fmt(r) + "×",
                "≤ " + fmt(maxRatio) + "×", r <= maxRatio ? "met" : "MISSED");
    }

    static synchronized void note(String section, String text) {
        NOTES.computeIfAbsent(section, k -> new ArrayList<>()).add(text);
        write();
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static synchronized String table() {
        StringBuilder b = new StringBuilder();
        b.append("| scenario | measure | ours | baseline | ratio | goal | |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (Row r : ROWS) {
            b.append("| ").append(String.join(" | ", r.scenario(), r.measure(), r.ours(), r.baseline(), r.ratio(),
                    r.goal(), r.verdict())).append(" |\n");
        }
        return b.toString();
    }

    static synchronized void print() {
        System.out.println("\n==== benchmark (target/bench/report.md) ====\n" + table());
    }

    private static void write() {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmark report\n\n");
        b.append("Started ").append(STARTED).append(" · ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores · max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MB · Java ").append(System.getProperty("java.version")).append("\n\n");
        b.append("Sizes: `").append(BenchSettings.describe()).append("`\n\n");
        b.append(table()).append('\n');
        NOTES.forEach((section, lines) -> {
            b.append("## ").append(section).append("\n\n");
            lines.forEach(l -> b.append(l).append("\n\n"));
        });
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("report.md"), b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
