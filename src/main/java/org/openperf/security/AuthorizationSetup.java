package org.openperf.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Camunda authorizations that match the roles. Tasks need no grant here: Camunda gives a task's candidate
 * groups and assignee their rights on it as the process assigns them (a unit's 编制 to {@code unit-<code>}, a
 * review to {@code dept-<code>} or {@code finance}), so nobody sees another unit's tasks. Granted here, once and
 * idempotently: every user may open Tasklist, read the process models and the task filters, and see the users
 * of their own groups (to transfer or delegate; {@link UserVisibility}); finance reads every instance and its history, and opens Cockpit.
 */
@Component
@Order(0)
public class AuthorizationSetup implements ApplicationRunner {

    static final String FINANCE = "finance";

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final UserVisibility users;
    private final String defaultFilter;

    public AuthorizationSetup(AuthorizationService authorizations, FilterService filters, UserVisibility users,
                              @Value("${camunda.bpm.filter.create:}") String defaultFilter) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.users = users;
        this.defaultFilter = defaultFilter;
    }

    @Override
    public void run(ApplicationArguments args) {
        global(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        global(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        users.grantAll();
        global(Resources.GROUP, ANY, Permissions.READ);
        // Only the starter's default filter is everyone's; the role filters are shared by review.TaskFilters.
        if (!defaultFilter.isBlank()) {
            for (Filter f : filters.createFilterQuery().filterName(defaultFilter).list()) {
                global(Resources.FILTER, f.getId(), Permissions.READ);
            }
        }
        group(FINANCE, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        group(FINANCE, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY, Permissions.READ_TASK);
        group(FINANCE, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        group(FINANCE, Resources.TASK, ANY, Permissions.READ);
        // Cockpit's decision and deployment views: read only, no change rights.
        group(FINANCE, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        group(FINANCE, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        group(FINANCE, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    private void global(Resource resource, String resourceId, Permission permission) {
        if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource)
                .resourceId(resourceId).hasPermission(permission).count() > 0) {
            return;
        }
        Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
        a.setUserId(ANY);
        a.setResource(resource);
        a.setResourceId(resourceId);
        a.addPermission(permission);
        authorizations.saveAuthorization(a);
    }

    private void group(String groupId, Resource resource, String resourceId, Permission... permissions) {
        if (authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).count() > 0) {
            return;
        }
        Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        a.setGroupId(groupId);
        a.setResource(resource);
        a.setResourceId(resourceId);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
    }
}
