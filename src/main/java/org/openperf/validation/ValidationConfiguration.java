package org.openperf.validation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ValidationSettings} from {@code perf.validation.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ValidationSettings.class)
class ValidationConfiguration {
}
