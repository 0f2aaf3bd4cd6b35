package org.openperf.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system) of processes, from Linux's /proc: of one process, and of all PostgreSQL server
 * processes together (a backend that exits during a run takes its seconds with it; the nodes' pools keep theirs).
 */
public final class ProcessCpu {

    /** Linux's clock ticks per second for /proc/[pid]/stat (USER_HZ, 100 on every common kernel). */
    private static final double TICKS = 100.0;

    private ProcessCpu() {
    }

    static double of(long pid) {
        return read(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    static double postgres() {
        Map<Long, Double> byPid = postgresByPidOrNull();
        return byPid == null ? Double.NaN : byPid.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * CPU seconds of one process's JIT compiler threads ("C1/C2 CompilerThreadN"), by thread id. HotSpot starts
     * and stops compiler threads as its queue grows and shrinks: a caller that wants a period's total samples this
     * while it runs ({@link CompilerCpu}).
     */
    static Map<String, Double> compilerThreads(long pid) {
        Map<String, Double> out = new HashMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            threads.filter(ProcessCpu::isCompiler)
                    .forEach(t -> out.put(t.getFileName().toString(), read(t.resolve("stat"))));
        } catch (IOException | java.io.UncheckedIOException e) {
            // the process is gone, or its threads changed while listed: what was read so far
        }
        return out;
    }

    /** CPU seconds of each PostgreSQL server process, by pid (see {@link #postgres()}); empty without /proc. */
    public static Map<Long, Double> postgresByPid() {
        Map<Long, Double> byPid = postgresByPidOrNull();
        return byPid == null ? Map.of() : byPid;
    }

    private static Map<Long, Double> postgresByPidOrNull() {
        Map<Long, Double> out = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> isPostgres(p.resolve("stat")))
                    .forEach(p -> out.put(Long.parseLong(p.getFileName().toString()), read(p.resolve("stat"))));
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    private static boolean isCompiler(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm"));
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // gone meanwhile
        }
    }

    private static boolean isPostgres(Path stat) {
        try {
            return Files.readString(stat).contains("(postgres)");
        } catch (IOException e) {
            return false; // gone meanwhile
        }
    }

    private static double read(Path stat) {
        try {
            String s = Files.readString(stat);
            // Fields after the command name, which may contain spaces: state is field 3, utime 14, stime 15.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
