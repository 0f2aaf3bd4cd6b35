package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(d.outputShare()).isEqualByComparingTo("50");
        assertThat(d.benefitShare()).isEqualByComparingTo("30");
        assertThat(d.satisfactionShare()).isEqualByComparingTo("10");
        assertThat(d.overAchievementPercent()).isEqualByComparingTo("120");
        assertThat(d.bandPercent(Grade.EXCELLENT)).isEqualByComparingTo("100");
        assertThat(d.bandPercent(Grade.GOOD)).isEqualByComparingTo("80");
        assertThat(d.bandPercent(Grade.FAIR)).isEqualByComparingTo("60");
        assertThat(d.bandPercent(Grade.POOR)).isEqualByComparingTo("0");
        assertThat(d.gradeExcellentFrom()).isEqualByComparingTo("90");
        assertThat(d.gradeGoodFrom()).isEqualByComparingTo("80");
        assertThat(d.gradeFairFrom()).isEqualByComparingTo("60");
    }

    @Test
    void bindsTheDefaultsWhenNothingIsSet() {
        context.run(ctx -> assertThat(ctx.getBean(ScoringSettings.class)).isEqualTo(ScoringSettings.defaults()));
    }

    @Test
    void provinceGradeLinesBind() {
        context.withPropertyValues("perf.scoring.grade-excellent-from=80", "perf.scoring.grade-good-from=70",
                "perf.scoring.grade-fair-from=60").run(ctx -> {
                    ScoringSettings s = ctx.getBean(ScoringSettings.class);
                    assertThat(s.gradeExcellentFrom()).isEqualByComparingTo(new BigDecimal("80"));
                    assertThat(s.grade(new BigDecimal("80.00"))).isEqualTo(Grade.EXCELLENT);
                });
    }

    @Test
    void defaultSharesMustSumToTheIndicatorTotal() {
        assertThatThrownBy(() -> new ScoringSettings(null, null, new BigDecimal("60"), null, null, null, null, null,
                null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90");
    }
}
