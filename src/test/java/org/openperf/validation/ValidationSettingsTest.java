package org.openperf.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Binding of {@code perf.validation.*} without starting the application. */
class ValidationSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ValidationConfiguration.class)
            .withBean(ValidationService.class);

    @Test
    void defaultsWhenNothingIsSet() {
        context.run(ctx -> {
            assertThat(ctx.getBean(ValidationSettings.class)).isEqualTo(ValidationSettings.defaults());
            assertThat(ctx.getBean(ValidationService.class).settings()).isEqualTo(ValidationSettings.defaults());
        });
    }

    @Test
    void defaultsAreTheMinistryNumbers() {
        ValidationSettings d = ValidationSettings.defaults();
        assertThat(d.newFrameworkFromYear()).isEqualTo(2021);
        assertThat(d.indicatorWeightTotal()).isEqualByComparingTo("90");
        assertThat(d.budgetExecutionWeight()).isEqualByComparingTo("10");
    }

    @Test
    void provinceSettingsBindAndReachTheService() {
        context.withPropertyValues("perf.validation.new-framework-from-year=2022",
                        "perf.validation.indicator-weight-total=80", "perf.validation.budget-execution-weight=20")
                .run(ctx -> {
                    ValidationSettings s = ctx.getBean(ValidationService.class).settings();
                    assertThat(s.newFrameworkFromYear()).isEqualTo(2022);
                    assertThat(s.indicatorWeightTotal()).isEqualByComparingTo(new BigDecimal("80"));
                    assertThat(s.budgetExecutionWeight()).isEqualByComparingTo(new BigDecimal("20"));
                });
    }
}
