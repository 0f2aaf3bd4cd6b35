package org.openperf.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The project's clock: instants from the engine's clock (so a recorded opinion and the task it completes agree, and
 * tests that move the engine's clock move the app's), read in {@code perf.zone} (Asia/Shanghai) whatever the
 * server's zone is. Every "today" and every time shown to a user is taken in this zone.
 */
@Configuration
public class BusinessClock {

    @Bean
    public Clock perfClock(@Value("${perf.zone:Asia/Shanghai}") ZoneId zone) {
        return new EngineClock(zone);
    }

    /** {@link ClockUtil} is the engine's notion of now: the wall clock unless a test has set it. */
    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineClock(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
