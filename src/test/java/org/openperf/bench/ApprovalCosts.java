package org.openperf.bench;

import java.lang.management.ManagementFactory;
import org.openperf.reliability.ProcessCpu;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one side of the approval spends besides wall time, added up over its timed blocks: the JVM's CPU (every
 * thread, so the collector's and the compiler's too), the CPU of all PostgreSQL processes, and the WAL it writes.
 * The wall time they leave over is waiting (commits flushed to disk, the two cores' scheduling); it goes below zero
 * when the JVM's other threads (the compiler) work beside the approving thread.
 */
final class ApprovalCosts {

    private final JdbcTemplate jdbc;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final java.lang.management.CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private long jvmNanos;
    private long compileMillis;
    private long compile0;
    private long mainUserNanos;
    private long mainSystemNanos;
    private double postgresSeconds;
    private long walBytes;
    private long jvm0;
    private long user0;
    private long cpu0;
    private java.util.Map<Long, Double> pg0;
    private String wal0;

    ApprovalCosts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void start() {
        wal0 = jdbc.queryForObject("select pg_current_wal_insert_lsn()::text", String.class);
        pg0 = ProcessCpu.postgresByPid();
        jvm0 = os.getProcessCpuTime();
        compile0 = compiler.getTotalCompilationTime();
        user0 = threads.getCurrentThreadUserTime();
        cpu0 = threads.getCurrentThreadCpuTime();
    }

    void stop() {
        long user = threads.getCurrentThreadUserTime() - user0;
        mainUserNanos += user;
        mainSystemNanos += threads.getCurrentThreadCpuTime() - cpu0 - user;
        jvmNanos += os.getProcessCpuTime() - jvm0;
        compileMillis += compiler.getTotalCompilationTime() - compile0;
        // By process: a backend the pool closes during the block would otherwise take its whole life's CPU with it.
        // A process's CPU only grows: less than before is a reading lost to the process ending meanwhile.
        ProcessCpu.postgresByPid().forEach((pid, seconds) ->
                postgresSeconds += Math.max(0, seconds - pg0.getOrDefault(pid, 0.0)));
        Long bytes = jdbc.queryForObject("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?::pg_lsn)::bigint",
                Long.class, wal0);
        walBytes += bytes == null ? 0 : bytes;
    }

    /** Per unit of work ({@code n}), with {@code wallMs} the side's wall time per unit. */
    String describe(int n, double wallMs) {
        double jvm = jvmNanos / 1e6 / n;
        double pg = postgresSeconds * 1000 / n;
        return BenchReport.fmt(wallMs) + " ms wall: JVM CPU " + BenchReport.fmt(jvm) + " ms (of it the approving "
                + "thread " + BenchReport.fmt(mainUserNanos / 1e6 / n) + " ms user, "
                + BenchReport.fmt(mainSystemNanos / 1e6 / n) + " ms system; the JIT compiler busy "
                + BenchReport.fmt((double) compileMillis / n) + " ms), PostgreSQL CPU "
                + BenchReport.fmt(pg) + " ms, wall less both CPUs (waiting, when positive) "
                + BenchReport.fmt(wallMs - jvm - pg) + " ms; WAL " + BenchReport.fmt(walBytes / 1024.0 / n) + " KiB";
    }
}
