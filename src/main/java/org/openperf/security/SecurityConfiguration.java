package org.openperf.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The project's API and pages need a login against Camunda's identity. The Camunda webapps and /engine-rest keep
 * their own authentication (the webapps' login, the engine REST filter), so they are left to it here.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain appSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identity)
            throws Exception {
        http.authenticationProvider(identity)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/camunda/**", "/engine-rest/**",
                                "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("perf-targets"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                // The API is called with HTTP Basic by scripts; the webapps bring their own CSRF protection.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/camunda/**", "/engine-rest/**"));
        return http.build();
    }
}
