package org.openperf.security;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Camunda webapps take the app's login: Camunda's container-based authentication filter, placed after Spring
 * Security (order -100) and before the webapps' own filters, reads the Spring Security user into the webapps'
 * session authentication.
 */
@Configuration
public class WebappLogin {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> bean =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        bean.setInitParameters(Map.of("authentication-provider", SpringSecurityWebappAuthentication.class.getName()));
        bean.addUrlPatterns("/camunda/*");
        bean.setName("webapp-container-authentication");
        bean.setOrder(101);
        return bean;
    }
}
