package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Binding of {@code perf.monitoring.*} without starting the application, and the calculator built with it. */
class MonitoringSettingsTest {

    @EnableConfigurationProperties(MonitoringSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withBean(MonitoringCalculator.class, MonitoringSettings.defaults(), LightFiles.table());

    @Test
    void defaultsAreTheQuarters() {
        context.run(ctx -> {
            assertThat(ctx.getBean(MonitoringSettings.class)).isEqualTo(MonitoringSettings.defaults());
            assertThat(ctx.getBean(MonitoringSettings.class).defaultMilestoneMonths()).containsExactly(3, 6, 9, 12);
        });
    }

    @Test
    void provinceMonthsBindAndReachTheCalculator() {
        context.withPropertyValues("perf.monitoring.default-milestone-months=4,8,12").run(ctx -> {
            MonitoringCalculator calc = new MonitoringCalculator(ctx.getBean(MonitoringSettings.class),
                    LightFiles.table());
            assertThat(calc.milestones(Fixtures.project("100"))).extracting(Milestone::month)
                    .containsExactly(4, 8, 12);
        });
    }

    @Test
    void aMonthOutsideTheYearIsRefused() {
        context.withPropertyValues("perf.monitoring.default-milestone-months=3,13")
                .run(ctx -> assertThat(ctx).hasFailed());
    }
}
