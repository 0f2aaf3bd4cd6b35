package org.openperf.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * /engine-rest needs a login too: HTTP Basic against Camunda's users, as Camunda's own filter does it, with the
 * password check throttled like every other login ({@link LoginThrottle}).
 */
@Configuration
public class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(LoginThrottle throttle) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean =
                new FilterRegistrationBean<>(new ThrottledFilter(throttle));
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

    /** Camunda's filter, with its Basic provider replaced by the throttled one once it has been set up. */
    static final class ThrottledFilter extends ProcessEngineAuthenticationFilter {

        private final LoginThrottle throttle;

        ThrottledFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        public void init(FilterConfig config) throws ServletException {
            super.init(config);
            authenticationProvider = new ThrottledBasic(throttle);
        }
    }

    /** HTTP Basic as Camunda reads it; a locked name or address is refused like a wrong password. */
    static final class ThrottledBasic extends HttpBasicAuthenticationProvider {

        private final LoginThrottle throttle;

        ThrottledBasic(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return AuthenticationResult.unsuccessful();
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return AuthenticationResult.unsuccessful();
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return AuthenticationResult.unsuccessful();
            }
            String user = decoded.substring(0, colon);
            String password = decoded.substring(colon + 1);
            try {
                return throttle.check(user, request.getRemoteAddr(),
                        () -> engine.getIdentityService().checkPassword(user, password))
                        ? AuthenticationResult.successful(user) : AuthenticationResult.unsuccessful(user);
            } catch (LoginLockedException e) {
                return AuthenticationResult.unsuccessful(user);
            }
        }
    }
}
