package org.openperf.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The JIT compiler's CPU in each node over a run: its threads sampled every two seconds, each thread's last reading
 * kept, so that one HotSpot stops midway still counts. A node's compiler is start-up work that a node of a long
 * day has finished: its share tells how far the run is from that.
 */
final class CompilerCpu implements AutoCloseable {

    private final List<Long> pids;
    private final Map<Long, Map<String, Double>> first = new HashMap<>();
    private final Map<Long, Map<String, Double>> last = new HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "compiler-cpu");
        t.setDaemon(true);
        return t;
    });

    CompilerCpu(List<Long> pids) {
        this.pids = List.copyOf(pids);
        for (long pid : pids) {
            first.put(pid, ProcessCpu.compilerThreads(pid));
            last.put(pid, new HashMap<>(first.get(pid)));
        }
        sampler.scheduleAtFixedRate(this::sample, 2, 2, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        for (long pid : pids) {
            // A thread's CPU only grows: a reading lost to a thread ending midway (0) keeps the last good one.
            ProcessCpu.compilerThreads(pid).forEach((tid, v) -> last.get(pid).merge(tid, v, Math::max));
        }
    }

    /** CPU seconds of each node's compiler threads since this was made, in the order of the pids given. */
    synchronized double[] seconds() {
        sample();
        double[] out = new double[pids.size()];
        for (int i = 0; i < pids.size(); i++) {
            Map<String, Double> before = first.get(pids.get(i));
            out[i] = last.get(pids.get(i)).entrySet().stream()
                    .mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
        }
        return out;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
