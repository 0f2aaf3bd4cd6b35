package org.openperf.evaluation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ScoringSettings} from {@code perf.scoring.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScoringSettings.class, RecheckSettings.class})
class ScoringConfiguration {
}
