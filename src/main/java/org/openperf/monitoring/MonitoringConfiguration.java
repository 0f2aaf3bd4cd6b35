package org.openperf.monitoring;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link MonitoringSettings} and provides the DMN light tables, parsed once for the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitoringSettings.class)
class MonitoringConfiguration {

    @Bean
    LightTable lightTable() {
        return new DmnLightTable();
    }
}
