package org.openperf.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class DisplayTimesTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** 2085-03-01 18:30:05 UTC is already 2 March in Beijing. */
    private static final Instant EVENING_UTC = Instant.parse("2085-03-01T18:30:05Z");

    private final DisplayTimes times = new DisplayTimes(Clock.fixed(EVENING_UTC, BEIJING));

    @Test
    void showsAnInstantInBeijingTimeWhateverTheServersZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            for (String serverZone : new String[] {"UTC", "America/New_York", "Asia/Shanghai"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(serverZone));
                assertThat(times.text(EVENING_UTC)).as(serverZone).isEqualTo("2085-03-02 02:30:05");
                assertThat(times.minutes(Date.from(EVENING_UTC))).as(serverZone).isEqualTo("2085-03-02 02:30");
                assertThat(times.day(EVENING_UTC)).as(serverZone).isEqualTo("2085-03-02");
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void todayIsTheBeijingDate() {
        assertThat(times.today()).isEqualTo(LocalDate.of(2085, 3, 2));
        assertThat(times.now()).isEqualTo(EVENING_UTC);
    }

    @Test
    void jsonCarriesTheInstantWithTheBeijingOffset() {
        assertThat(times.offset(EVENING_UTC).toString()).isEqualTo("2085-03-02T02:30:05+08:00");
        assertThat(times.offset(EVENING_UTC).toInstant()).isEqualTo(EVENING_UTC);
        assertThat(times.offset(EVENING_UTC).getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    }

    @Test
    void nothingShowsAsEmpty() {
        assertThat(times.text((Instant) null)).isEmpty();
        assertThat(times.minutes((Date) null)).isEmpty();
        assertThat(times.offset(null)).isNull();
    }

    @Test
    void anotherZoneIsTakenFromTheClock() {
        DisplayTimes utc = new DisplayTimes(Clock.fixed(EVENING_UTC, ZoneOffset.UTC));
        assertThat(utc.text(EVENING_UTC)).isEqualTo("2085-03-01 18:30:05");
    }

    @Test
    void theBusinessClockFollowsTheEngineClockInPerfZone() {
        Clock clock = new BusinessClock().perfClock(BEIJING);
        assertThat(clock.getZone()).isEqualTo(BEIJING);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(EVENING_UTC));
        try {
            assertThat(clock.instant()).isEqualTo(EVENING_UTC);
            assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2085, 3, 2));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }
}
