package org.openperf.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One identity for the app and the Camunda webapps: Camunda's users, passwords and groups. Every password check
 * goes through the {@link LoginThrottle}.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;

    public CamundaIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (!throttle.check(user, address, () -> identity.checkPassword(user, credentials.toString()))) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> new SimpleGrantedAuthority("GROUP_" + g.getId())).toList();
        return new UsernamePasswordAuthenticationToken(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
