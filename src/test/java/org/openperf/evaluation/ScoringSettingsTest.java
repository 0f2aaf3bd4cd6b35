package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Binding of {@code perf.scoring.*} without starting the application, and the defaults' numbers. */
class ScoringSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ScoringConfiguration.class);

    @Test
    void defaultsAreTheMinistryNumbers() {
        ScoringSettings d = ScoringSettings.defaults();
        assertThat(d.budgetExecutionWeight()).isEqualByComparingTo("10");
        assertThat(d.indicatorWeightTotal()).isEqualByComparingTo("90");
        assertThat(d.overAchievementPercent()).isEqualByComparingTo("120");
        assertThat(d.bandPercent(Grade.EXCELLENT)).isEqualByComparingTo("100");
        assertThat(d.bandPercent(Grade.GOOD)).isEqualByComparingTo("80");
        assertThat(d.bandPercent(Grade.FAIR)).isEqualByComparingTo("60");
        assertThat(d.bandPercent(Grade.POOR)).isEqualByComparingTo("0");
    }

    @Test
    void bindsTheDefaultsWhenNothingIsSet() {
        context.run(ctx -> assertThat(ctx.getBean(ScoringSettings.class)).isEqualTo(ScoringSettings.defaults()));
    }

    @Test
    void provinceNumbersBind() {
        context.withPropertyValues("perf.scoring.over-achievement-percent=130", "perf.scoring.band-good-percent=85")
                .run(ctx -> {
                    ScoringSettings s = ctx.getBean(ScoringSettings.class);
                    assertThat(s.overAchievementPercent()).isEqualByComparingTo(new BigDecimal("130"));
                    assertThat(s.bandPercent(Grade.GOOD)).isEqualByComparingTo("85");
                });
    }
}
