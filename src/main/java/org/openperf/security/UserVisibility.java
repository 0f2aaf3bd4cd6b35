package org.openperf.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Who sees which users in Tasklist and /engine-rest: a user sees the members of their own groups (a unit's preparers
 * each other, a department's reviewers each other: the people they can hand a task to) and themselves, nobody
 * else; administrators see everyone. Camunda authorizes users one by one (resource USER, id = user id), so the
 * grants follow the memberships: all of them when the app starts, and a user's own when they log in on the login
 * page (so a colleague added in Camunda Admin is visible once they or the colleague log in, or after a restart).
 */
@Component
public class UserVisibility {

    private final AuthorizationService authorizations;
    private final IdentityService identity;

    public UserVisibility(AuthorizationService authorizations, IdentityService identity) {
        this.authorizations = authorizations;
        this.identity = identity;
    }

    /** Every user's grants; the old grant that showed every user to everybody is removed. */
    public void grantAll() {
        authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).resourceType(Resources.USER)
                .resourceId(ANY).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
        for (Group g : identity.createGroupQuery().list()) {
            for (User u : identity.createUserQuery().memberOfGroup(g.getId()).list()) {
                grant(null, g.getId(), u.getId());
            }
        }
        identity.createUserQuery().list().forEach(u -> grant(u.getId(), null, u.getId()));
    }

    /** One user's grants: they see themselves and their groups' members, and their groups see them. */
    public void grantFor(String userId) {
        grant(userId, null, userId);
        for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
            for (User u : identity.createUserQuery().memberOfGroup(g.getId()).list()) {
                grant(null, g.getId(), u.getId());
            }
        }
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        // The login's own request runs without an engine user: the grants are written on the app's authority.
        grantFor(event.getAuthentication().getName());
    }

    private void grant(String userId, String groupId, String visibleUser) {
        var query = authorizations.createAuthorizationQuery().resourceType(Resources.USER).resourceId(visibleUser);
        if ((userId != null ? query.userIdIn(userId) : query.groupIdIn(groupId)).count() > 0) {
            return;
        }
        Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        if (userId != null) {
            a.setUserId(userId);
        } else {
            a.setGroupId(groupId);
        }
        a.setResource(Resources.USER);
        a.setResourceId(visibleUser);
        a.addPermission(Permissions.READ);
        try {
            authorizations.saveAuthorization(a);
        } catch (ProcessEngineException e) {
            // Another node granted the same a moment ago: the unique index keeps one.
        }
    }
}
