package org.openperf.kernel.rules;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Which version of each table is the latest, as previews last looked it up: kept for {@link #FOR} at most, and
 * forgotten at once when this node deploys a table. Another node's deployment reaches previews here within
 * {@link #FOR}; decisions never use this (the engine looks the latest version up for each one).
 */
@Component
public class LatestVersions {

    static final Duration FOR = Duration.ofSeconds(10);

    private record Latest(String id, long until) {
    }

    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    String get(String key, Supplier<String> lookUp) {
        long now = System.nanoTime();
        Latest l = latest.get(key);
        if (l == null || now - l.until() > 0) {
            l = new Latest(lookUp.get(), now + FOR.toNanos());
            latest.put(key, l);
        }
        return l.id();
    }

    /** A table was deployed or a deployment deleted: the next preview looks the latest versions up again. */
    public void forget() {
        latest.clear();
    }
}
