package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openperf.monitoring.Light.BLUE;
import static org.openperf.monitoring.Light.GREEN;
import static org.openperf.monitoring.Light.RED;
import static org.openperf.monitoring.Light.YELLOW;

import java.util.List;
import org.junit.jupiter.api.Test;

class LightTest {

    @Test
    void chineseNames() {
        assertThat(List.of(RED, YELLOW, GREEN, BLUE)).extracting(Light::chineseName)
                .containsExactly("红", "黄", "绿", "蓝");
        assertThat(RED.label()).isEqualTo("红灯");
        assertThat(BLUE.label()).isEqualTo("蓝灯");
    }

    @Test
    void worstIsRedThenYellowThenGreenThenBlue() {
        assertThat(Light.worst(List.of(GREEN, RED, BLUE, YELLOW))).isEqualTo(RED);
        assertThat(Light.worst(List.of(BLUE, YELLOW, GREEN))).isEqualTo(YELLOW);
        assertThat(Light.worst(List.of(BLUE, GREEN, BLUE))).isEqualTo(GREEN);
        assertThat(Light.worst(List.of(BLUE, BLUE))).isEqualTo(BLUE);
        assertThat(Light.worst(List.of(YELLOW))).isEqualTo(YELLOW);
    }

    @Test
    void noLightsIsAnError() {
        assertThatThrownBy(() -> Light.worst(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
