package org.openperf.validation;

import org.openperf.kernel.Severity;
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
        assertThat(d.ruleSettings()).isEmpty();
        assertThat(d.severity(Rule.STRUCTURE_COST_MISSING, 2024)).isEqualTo(Severity.WARNING);
        assertThat(d.indicatorWeightTotal()).isEqualByComparingTo("90");
        assertThat(d.budgetExecutionWeight()).isEqualByComparingTo("10");
    }

    @Test
    void provinceSettingsBindAndReachTheService() {
        context.withPropertyValues("perf.validation.rules.structure.cost.missing.severity=ERROR",
                        "perf.validation.rules.structure.cost.missing.from-year=2022",
                        "perf.validation.indicator-weight-total=80", "perf.validation.budget-execution-weight=20")
                .run(ctx -> {
                    ValidationSettings s = ctx.getBean(ValidationService.class).settings();
                    assertThat(s.severity(Rule.STRUCTURE_COST_MISSING, 2021)).isEqualTo(Severity.WARNING);
                    assertThat(s.severity(Rule.STRUCTURE_COST_MISSING, 2022)).isEqualTo(Severity.ERROR);
                    assertThat(s.indicatorWeightTotal()).isEqualByComparingTo(new BigDecimal("80"));
                    assertThat(s.budgetExecutionWeight()).isEqualByComparingTo(new BigDecimal("20"));
                });
    }

    @Test
    void aMisspeltRuleStopsTheStartUpNamingIt() {
        context.withPropertyValues("perf.validation.rules.project.budget.zeroo.severity=ERROR").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("project.budget.zeroo")
                    .hasMessageContaining("project.budget.zero");
        });
    }

    @Test
    void anUnknownLevelOrAYearWithoutALevelStopsTheStartUp() {
        context.withPropertyValues("perf.validation.rules.value.unit.missing.severity=FATAL").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("ERROR、WARNING 或 OFF"));
        context.withPropertyValues("perf.validation.rules.value.unit.missing.from-year=2025").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("未设置 severity"));
    }

    @Test
    void aYamlStyleRuleBlockBindsEveryRuleItNames() {
        context.withPropertyValues("perf.validation.rules.project.budget.zero.severity=error",
                        "perf.validation.rules.structure.satisfaction.missing.severity=OFF",
                        "perf.validation.rules.value.unit.missing.severity=ERROR",
                        "perf.validation.rules.value.unit.missing.from-year=2026")
                .run(ctx -> {
                    ValidationSettings s = ctx.getBean(ValidationSettings.class);
                    assertThat(s.severity(Rule.PROJECT_BUDGET_ZERO, 2024)).isEqualTo(Severity.ERROR);
                    assertThat(s.severity(Rule.STRUCTURE_SATISFACTION_MISSING, 2024)).isNull();
                    assertThat(s.severity(Rule.VALUE_UNIT_MISSING, 2025)).isEqualTo(Severity.WARNING);
                    assertThat(s.severity(Rule.VALUE_UNIT_MISSING, 2026)).isEqualTo(Severity.ERROR);
                    assertThat(s.severity(Rule.PROJECT_FUNDS_SUM, 2024)).isEqualTo(Severity.ERROR);
                });
    }

    @Test
    void docsListEveryRuleWithItsDefault() throws java.io.IOException {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "validation.md"));
        for (Rule rule : Rule.values()) {
            assertThat(docs).as(rule.code()).contains("| `" + rule.code() + "` | " + rule.defaultSeverity() + " |");
        }
    }
}
