package org.openperf.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login against Camunda's identity for the app's pages, its API and the Camunda webapps.
 * <ul>
 * <li>Pages: a form login at /login (session, CSRF on); logging out at /logout ends the session, and with it the
 * webapps' login, which lives in the same session.</li>
 * <li>/api/**: the pages' session (with the CSRF token), or HTTP Basic for scripts; a request that carries its own
 * Authorization header cannot be forged by another site, so it needs no CSRF token.</li>
 * <li>/camunda/**: the same session, handed to the webapps by {@link WebappLogin}; the webapps keep their own CSRF
 * filter and security headers. Tasklist's 退出 logs out of the app too.</li>
 * <li>/engine-rest/**: Camunda's own Basic filter ({@link EngineRestSecurity}).</li>
 * </ul>
 */
@Configuration
public class SecurityConfiguration {

    static final String LOGIN = "/login";
    static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
        // Camunda's ProcessEngineAuthenticationFilter checks every request with HTTP Basic.
        // Ant matchers: these paths are served by Camunda's servlets, not by Spring MVC's DispatcherServlet.
        http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identity)
            throws Exception {
        http.securityMatcher(new AntPathRequestMatcher("/camunda/**"))
                .authenticationProvider(identity)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(e -> e
                        // The webapps' own XHRs get a status; a browser opening a webapp goes to the login page.
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new AntPathRequestMatcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                new AntPathRequestMatcher("/camunda/**")))
                .logout(logout -> logout
                        .logoutRequestMatcher(new AntPathRequestMatcher(WEBAPP_LOGOUT, HttpMethod.POST.name()))
                        .invalidateHttpSession(true).clearAuthentication(true).deleteCookies("JSESSIONID")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
                // Camunda's CsrfPreventionFilter and HttpHeaderSecurityFilter protect the webapps.
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain appChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identity)
            throws Exception {
        RequestMatcher api = new AntPathRequestMatcher("/api/**");
        http.authenticationProvider(identity)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error", LOGIN, "/css/**", "/js/**",
                                "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/", false).failureUrl(LOGIN + "?error"))
                .httpBasic(basic -> basic.realmName("perf-targets"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(basicEntryPoint(), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                new NegatedRequestMatcher(api)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?logout")
                        .invalidateHttpSession(true).clearAuthentication(true).deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::scriptedApiCall))
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(api,
                                        new AntPathRequestMatcher("/swagger-ui/**"),
                                        new AntPathRequestMatcher("/v3/api-docs/**"))),
                                new StaticHeadersWriter(List.of(
                                        new Header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                                                + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"),
                                        new Header("Permissions-Policy", "camera=(), microphone=(), geolocation=()"))))));
        return http.build();
    }

    /** A script's call with its own credentials: a cross-site form cannot send an Authorization header. */
    static boolean scriptedApiCall(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/") && request.getHeader("Authorization") != null;
    }

    private static BasicAuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint entry = new BasicAuthenticationEntryPoint();
        entry.setRealmName("perf-targets");
        return entry;
    }
}
