package org.openperf.monitoring;

import org.openperf.kernel.rules.DeployedRules;
import org.openperf.kernel.rules.RuleTable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Binds {@link MonitoringSettings}, declares the light tables finance keeps in the engine, and makes two
 * calculators of them: one that decides (each light it gives is recorded in Cockpit's decision history: milestones,
 * 监控表) and one that only shows (dashboard, exports: the same deployed tables, nothing recorded).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitoringSettings.class)
public class MonitoringConfiguration {

    /** The calculator whose lights are decisions, recorded in the engine's decision history. */
    public static final String DECIDING = "decidingMonitoringCalculator";

    @Bean
    static RuleTable executionLightTable() {
        return LightRules.execution();
    }

    @Bean
    static RuleTable indicatorLightTable() {
        return LightRules.indicator();
    }

    @Bean
    @Primary
    MonitoringCalculator monitoringCalculator(MonitoringSettings settings, DeployedRules rules) {
        return new MonitoringCalculator(settings, new DecisionLightTable(rules.preview(LightRules.EXECUTION),
                rules.preview(LightRules.INDICATOR)));
    }

    @Bean(DECIDING)
    MonitoringCalculator decidingMonitoringCalculator(MonitoringSettings settings, DeployedRules rules) {
        return new MonitoringCalculator(settings, new DecisionLightTable(rules.decide(LightRules.EXECUTION),
                rules.decide(LightRules.INDICATOR)));
    }
}
