package org.openperf.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login against Camunda's identity for the app's pages, its API and the Camunda webapps.
 * <ul>
 * <li>Pages: a form login at /login (session, CSRF on); logging out at /logout ends the session, and with it the
 * webapps' login, which lives in the same session.</li>
 * <li>/api/**: the pages' session (with the CSRF token), or HTTP Basic for scripts; a request that carries valid
 * Basic credentials cannot be forged by another site, so it needs no CSRF token.</li>
 * <li>Every password check is throttled ({@link LoginThrottle}); the webapps' own login endpoint is closed.</li>
 * <li>/camunda/**: the same session, handed to the webapps by {@link WebappLogin}; the webapps keep their own CSRF
 * filter and security headers. Tasklist's 退出 logs out of the app too.</li>
 * <li>/engine-rest/**: Camunda's own Basic filter ({@link EngineRestSecurity}).</li>
 * </ul>
 */
@Configuration
public class SecurityConfiguration {

    static final String LOGIN = "/login";
    static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/*/logout";
    /** The webapps' own password login: it would check passwords past the throttle, and /login is the one login. */
    static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/*/login/**";
    /** Set on a request once its Basic credentials have been checked for the CSRF exemption. */
    static final String BASIC_CHECKED = SecurityConfiguration.class.getName() + ".basicChecked";

    /**
     * No Micrometer observation around each security filter, authentication and authorization: nothing reads them
     * (only health and info are exposed), and under load they were 5% of a node's CPU (docs/performance.md).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

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
    SecurityFilterChain webappChain(HttpSecurity http)
            throws Exception {
        // The identity provider is the global AuthenticationManager's (a bean): registered here too, a wrong
        // password would be checked, and counted by the throttle, twice.
        http.securityMatcher(new AntPathRequestMatcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(new AntPathRequestMatcher(WEBAPP_LOGIN)).denyAll()
                        // A logout without the webapps' CSRF token (a cross-site form) is refused here.
                        .requestMatchers(new AndRequestMatcher(
                                new AntPathRequestMatcher(WEBAPP_LOGOUT, HttpMethod.POST.name()),
                                new NegatedRequestMatcher(SecurityConfiguration::carriesWebappCsrfToken))).denyAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        // The webapps' own XHRs get a status; a browser opening a webapp goes to the login page.
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new AntPathRequestMatcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                new AntPathRequestMatcher("/camunda/**")))
                .logout(logout -> logout
                        // Only with the webapps' CSRF token (a cross-site form cannot log a user out).
                        .logoutRequestMatcher(new AndRequestMatcher(
                                new AntPathRequestMatcher(WEBAPP_LOGOUT, HttpMethod.POST.name()),
                                SecurityConfiguration::carriesWebappCsrfToken))
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
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error", LOGIN, "/css/**", "/js/**",
                                "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/", false).failureHandler(loginFailure()))
                .httpBasic(basic -> basic.realmName("perf-targets"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(basicEntryPoint(), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                new NegatedRequestMatcher(api)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?logout")
                        .invalidateHttpSession(true).clearAuthentication(true).deleteCookies("JSESSIONID"))
                // No sessionCreationPolicy here (IF_REQUIRED is the default): setting it adds Spring's
                // SessionManagementFilter, which stored every HTTP Basic request's login in a new session that lived
                // for 30 minutes (a script's 78 requests a second: 140,000 sessions per node). Form login still
                // saves its session, with session fixation protection.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> scriptedApiCall(request, identity)))
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

    /**
     * A script's call with its own valid HTTP Basic credentials: a cross-site form cannot send them. Any other
     * Authorization header ({@code Bearer x}, a wrong password) leaves the request to the session and its CSRF token,
     * since the session, not that header, would be what authenticates it.
     */
    static boolean scriptedApiCall(HttpServletRequest request, AuthenticationProvider identity) {
        if (!request.getRequestURI().startsWith("/api/")) {
            return false;
        }
        if (request.getAttribute(BASIC_CHECKED) instanceof Boolean checked) {
            return checked;
        }
        boolean valid = false;
        UsernamePasswordAuthenticationToken credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials != null) {
            credentials.setDetails(new WebAuthenticationDetails(request));
            try {
                valid = identity.authenticate(credentials) != null;
            } catch (AuthenticationException e) {
                valid = false;
            }
        }
        request.setAttribute(BASIC_CHECKED, valid);
        return valid;
    }

    static UsernamePasswordAuthenticationToken basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null
                : UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon),
                        decoded.substring(colon + 1));
    }

    /** The X-XSRF-TOKEN header matches the token the webapps' CSRF filter keeps in the session. */
    static boolean carriesWebappCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return header != null && token != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                token.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A wrong password and a lock get different words on the login page. */
    private static ExceptionMappingAuthenticationFailureHandler loginFailure() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl(LOGIN + "?error");
        handler.setExceptionMappings(java.util.Map.of(LoginLockedException.class.getName(), LOGIN + "?locked"));
        return handler;
    }

    private static BasicAuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint entry = new BasicAuthenticationEntryPoint();
        entry.setRealmName("perf-targets");
        return entry;
    }
}
