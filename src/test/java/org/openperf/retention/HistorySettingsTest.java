package org.openperf.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistorySettingsTest {

    static HistorySettings settings(int years, Map<String, Integer> days, String from, String until, String zone) {
        return new HistorySettings(years, days, LocalTime.parse(from), LocalTime.parse(until), ZoneId.of(zone));
    }

    @Test
    void yearsCountTheirLeapDaysAndNamedDefinitionsTheirOwnDays() {
        HistorySettings ten = settings(10, Map.of("review-reminders", 30), "01:00", "05:00", "Asia/Shanghai");
        assertThat(ten.defaultDays()).isEqualTo(3653);
        assertThat(ten.daysFor("target-lifecycle")).isEqualTo(3653);
        assertThat(ten.daysFor("review-reminders")).isEqualTo(30);
        assertThat(settings(1, null, "01:00", "05:00", "Asia/Shanghai").defaultDays()).isEqualTo(366);
        assertThat(settings(30, null, "01:00", "05:00", "Asia/Shanghai").defaultDays()).isEqualTo(10958);
    }

    @Test
    void theWindowGoesToTheEngineWithTheZonesOffset() {
        HistorySettings shanghai = settings(10, null, "01:00", "05:00", "Asia/Shanghai");
        assertThat(shanghai.engineWindowStart()).isEqualTo("01:00+0800");
        assertThat(shanghai.engineWindowEnd()).isEqualTo("05:00+0800");
        assertThat(settings(10, null, "22:30", "04:00", "UTC").engineWindowStart()).isEqualTo("22:30+0000");
        assertThat(settings(10, null, "22:30", "04:00", "Asia/Kolkata").engineWindowStart()).isEqualTo("22:30+0530");
    }

    @Test
    void aSettingThatMakesNoSenseStopsTheStartNamingIt() {
        assertThatThrownBy(() -> settings(0, null, "01:00", "05:00", "Asia/Shanghai"))
                .hasMessageContaining("perf.history.keep-years").hasMessageContaining("0");
        assertThatThrownBy(() -> settings(10, Map.of("review-reminders", -1), "01:00", "05:00", "Asia/Shanghai"))
                .hasMessageContaining("perf.history.keep-days.review-reminders");
        assertThatThrownBy(() -> settings(10, null, "03:00", "03:00", "Asia/Shanghai"))
                .hasMessageContaining("perf.history.cleanup-from");
    }
}
