package org.openperf.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openperf.monitoring.Light;
import org.openperf.targets.Project;

/** A project's current light from several sources: the worst counts, of equal lights the most recent one. */
class CurrentLightsTest {

    static LightSignal signal(String source, String asOf, Light light, LightSignal.Deviation deviation) {
        return new LightSignal(source, LocalDate.parse(asOf), light, BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.valueOf(25), BigDecimal.valueOf(40), source, deviation);
    }

    @Test
    void anEarlierRedMilestoneOutweighsALaterGreenReading() {
        LightSignal.Deviation why = new LightSignal.Deviation(3, "经费保障", "招标延后", "7月集中支付", "approve");
        ProjectLight l = CurrentLights.combine(List.of(
                signal("最新执行数", "2024-06-30", Light.GREEN, null),
                signal("3月底监控节点", "2024-03-31", Light.RED, why)));
        assertThat(l.light()).isEqualTo(Light.RED);
        assertThat(l.label()).isEqualTo("红灯");
        assertThat(l.decisive().source()).isEqualTo("3月底监控节点");
        assertThat(l.deviation()).isEqualTo(why);
        assertThat(l.signals()).extracting(LightSignal::source).containsExactly("最新执行数", "3月底监控节点");
    }

    @Test
    void ofEqualLightsTheMostRecentGivesTheNumbersAndBlueIsTheLeastWorry() {
        ProjectLight yellow = CurrentLights.combine(List.of(
                signal("6月底监控节点", "2024-06-30", Light.YELLOW, null),
                signal("最新执行数", "2024-07-31", Light.YELLOW, null)));
        assertThat(yellow.decisive().source()).isEqualTo("最新执行数");
        assertThat(CurrentLights.combine(List.of(signal("监控表", "2024-07-31", Light.BLUE, null),
                signal("最新执行数", "2024-07-31", Light.GREEN, null))).light()).isEqualTo(Light.GREEN);
    }

    @Test
    void withoutAnySignalAProjectIsUnmonitored() {
        ProjectLight none = CurrentLights.combine(List.of());
        assertThat(none.monitored()).isFalse();
        assertThat(none.label()).isEqualTo("未监控");
        assertThat(none.decisive()).isNull();
    }

    @Test
    void everySourceIsAskedAndALaterSourceCanOnlyMakeItWorse() {
        Project p = new Project(2024, "就业补助资金");
        org.springframework.test.util.ReflectionTestUtils.setField(p, "id", 7L);
        LightSource readings = projects -> Map.of(7L, signal("最新执行数", "2024-07-31", Light.GREEN, null));
        LightSource reports = projects -> Map.of(7L, signal("7月监控表", "2024-07-31", Light.RED, null));
        LightSource silent = projects -> Map.of();
        Monitored one = Monitored.of(List.of(p));
        assertThat(new CurrentLights(List.of(readings, silent)).of(one).get(7L).light()).isEqualTo(Light.GREEN);
        assertThat(new CurrentLights(List.of(readings, reports, silent)).of(one).get(7L).decisive().source())
                .isEqualTo("7月监控表");
    }
}
