package org.openperf.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Binding of {@code perf.monitoring.*} and the calculator as a bean, without starting the application. */
class MonitoringSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(MonitoringConfiguration.class)
            .withBean(MonitoringCalculator.class);

    @Test
    void defaultsAreTheQuarters() {
        context.run(ctx -> {
            assertThat(ctx.getBean(MonitoringSettings.class)).isEqualTo(MonitoringSettings.defaults());
            assertThat(ctx.getBean(MonitoringCalculator.class).settings().defaultMilestoneMonths())
                    .containsExactly(3, 6, 9, 12);
            assertThat(ctx.getBean(LightTable.class)).isInstanceOf(DmnLightTable.class);
        });
    }

    @Test
    void provinceMonthsBindAndReachTheCalculator() {
        context.withPropertyValues("perf.monitoring.default-milestone-months=4,8,12").run(ctx -> {
            MonitoringCalculator calc = ctx.getBean(MonitoringCalculator.class);
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
