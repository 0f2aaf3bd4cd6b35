package org.openperf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap while a piece of work runs: the used heap sampled every 10 ms (what the JVM held, garbage included),
 * and the largest old generation left after a collection (what the work really kept alive).
 */
final class HeapSampler implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakUsed;

    private HeapSampler() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        thread = new Thread(() -> {
            while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                if (used > peakUsed) {
                    peakUsed = used;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static HeapSampler start() {
        return new HeapSampler();
    }

    long peakUsedMb() {
        return peakUsed / (1024 * 1024);
    }

    /** The largest heap left after a collection, over all heap pools (G1: the old generation). */
    long peakAfterGcMb() {
        long max = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null
                    && pool.getName().contains("Old")) {
                max = Math.max(max, pool.getCollectionUsage().getUsed());
            }
        }
        return max / (1024 * 1024);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
