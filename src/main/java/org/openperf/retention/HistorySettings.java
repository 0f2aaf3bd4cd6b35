package org.openperf.retention;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the engine keeps the history of processes and decisions, and when it removes what has expired,
 * {@code perf.history.*}. The app's own records (opinions, versions, reports, scores) are not the engine's history
 * and are never removed by it.
 *
 * @param keepYears    years the history of every process and decision is kept after its instance ends (10)
 * @param keepDays     days for named definitions instead of keepYears, by definition key (the hourly reminder
 *                     sweep needs no ten years of history)
 * @param cleanupFrom  start of the nightly cleanup window, in cleanupZone (01:00)
 * @param cleanupUntil end of the window, in cleanupZone (05:00; before cleanupFrom: the next morning)
 * @param cleanupZone  the zone the window is read in, whatever the server's zone is (Asia/Shanghai)
 */
@ConfigurationProperties(prefix = "perf.history")
public record HistorySettings(@DefaultValue("10") int keepYears,
                              Map<String, Integer> keepDays,
                              @DefaultValue("01:00") LocalTime cleanupFrom,
                              @DefaultValue("05:00") LocalTime cleanupUntil,
                              @DefaultValue("Asia/Shanghai") ZoneId cleanupZone) {

    private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("HH:mm");

    public HistorySettings {
        keepDays = keepDays == null ? Map.of() : Map.copyOf(keepDays);
        cleanupFrom = cleanupFrom != null ? cleanupFrom : LocalTime.of(1, 0);
        cleanupUntil = cleanupUntil != null ? cleanupUntil : LocalTime.of(5, 0);
        cleanupZone = cleanupZone != null ? cleanupZone : ZoneId.of("Asia/Shanghai");
        if (keepYears < 1) {
            throw new IllegalArgumentException("历史保存年限 perf.history.keep-years 须至少为 1 年，现为 " + keepYears);
        }
        keepDays.forEach((key, days) -> {
            if (days == null || days < 0) {
                throw new IllegalArgumentException("历史保存天数 perf.history.keep-days." + key
                        + " 须为 0 或正整数，现为 " + days);
            }
        });
        if (cleanupFrom.equals(cleanupUntil)) {
            throw new IllegalArgumentException("历史清理时段 perf.history.cleanup-from 与 cleanup-until 相同（"
                    + cleanupFrom + "）：时段为空");
        }
    }

    /** keepYears in days, counting a leap day for every four years begun, so the law's years are never cut short. */
    public int defaultDays() {
        return keepYears * 365 + (keepYears + 3) / 4;
    }

    /** The days the history of the definition with this key is kept. */
    public int daysFor(String definitionKey) {
        Integer days = definitionKey == null ? null : keepDays.get(definitionKey);
        return days != null ? days : defaultDays();
    }

    /** The window start as the engine reads it ("01:00+0800"): with an offset, so the server's zone does not matter. */
    public String engineWindowStart() {
        return engineTime(cleanupFrom);
    }

    public String engineWindowEnd() {
        return engineTime(cleanupUntil);
    }

    private String engineTime(LocalTime time) {
        // The offset in force now: exact for zones without summer time such as Asia/Shanghai; a zone with summer
        // time gets the offset of the day the app started.
        String offset = cleanupZone.getRules().getOffset(Instant.now()).getId().replace(":", "");
        return ENGINE_TIME.format(time) + ("Z".equals(offset) ? "+0000" : offset);
    }
}
