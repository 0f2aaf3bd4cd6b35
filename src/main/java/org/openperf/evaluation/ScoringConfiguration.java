package org.openperf.evaluation;

import org.openperf.kernel.rules.RuleTable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ScoringSettings} from {@code perf.scoring.*} and declares the scoring tables kept in the engine. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScoringSettings.class, RecheckSettings.class})
class ScoringConfiguration {

    @Bean
    static RuleTable gradeTable() {
        return ScoringTables.grades();
    }

    @Bean
    RuleTable defaultWeightsTable(ScoringSettings settings) {
        return ScoringTables.weights(settings.indicatorWeightTotal());
    }
}
