package org.openperf.security;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** /engine-rest needs a login too: HTTP Basic against Camunda's users, as Camunda's own filter does it. */
@Configuration
public class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        bean.addUrlPatterns("/engine-rest/*");
        bean.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName(),
                // Jersey serves /engine-rest; the filter must know it to find the engine in the path.
                ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest"));
        bean.setName("engine-rest-authentication");
        // Before the filters that act on who is calling (review/CompletionFieldsConfiguration).
        bean.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return bean;
    }
}
