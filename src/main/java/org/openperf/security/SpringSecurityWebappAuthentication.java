package org.openperf.security;

import org.openperf.kernel.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Hands the user who logged in at /login to the Camunda webapps (Camunda's container-based authentication), so
 * Tasklist, Cockpit and Admin open without a second login. Camunda then loads the user's groups itself.
 */
public class SpringSecurityWebappAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Caller caller = Caller.current();
        if (caller.userId() == null) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(caller.userId());
        result.setGroups(caller.groups());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // The login is the app's page at /login; Spring Security sends browsers there.
    }
}
