package org.openperf.kernel;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine reads on the project's own authority where the service has already applied its own scope rules
 * (task lists filtered by the caller's groups, a withdraw checked against the submitter). Camunda's authorizations
 * still govern everything a user does directly: writes in the API run as the user, and /engine-rest and the
 * webapps are checked fully.
 */
@Component
public class EngineAccess {

    private final IdentityService identity;

    public EngineAccess(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T asSystem(Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    public void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }
}
