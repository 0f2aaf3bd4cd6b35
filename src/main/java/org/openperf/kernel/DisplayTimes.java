package org.openperf.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The one way a stored instant is shown to a user: in {@code perf.zone} (Beijing time), never the server's zone.
 * Pages call it as {@code ${@times.text(x)}}, exports and task forms through the bean, JSON APIs get
 * {@link #offset} (ISO 8601 with {@code +08:00}).
 */
@Component("times")
public class DisplayTimes {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    private final Clock clock;

    public DisplayTimes(Clock clock) {
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today's date in perf.zone: between 00:00 and 08:00 Beijing time the server's UTC date is still yesterday. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** {@code 2085-03-01 10:00:00} in perf.zone; "" for none. */
    public String text(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(zone()));
    }

    public String text(Date date) {
        return date == null ? "" : text(date.toInstant());
    }

    /** {@code 2085-03-01 10:00}, for task forms and lists where seconds are noise. */
    public String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone()));
    }

    public String minutes(Date date) {
        return date == null ? "" : minutes(date.toInstant());
    }

    /** The perf.zone date of an instant, {@code 2085-03-01}. */
    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone()));
    }

    public String day(Date date) {
        return date == null ? "" : day(date.toInstant());
    }

    /** For JSON: the same instant, written with perf.zone's offset ({@code 2085-03-01T10:00:00+08:00}). */
    public OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atZone(zone()).toOffsetDateTime();
    }

    /** {@link #offset} as text for fields that are strings, seconds always written: {@code 2085-03-01T10:00:00+08:00}. */
    public String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(offset(instant));
    }
}
