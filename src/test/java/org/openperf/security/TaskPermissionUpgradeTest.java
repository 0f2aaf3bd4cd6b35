package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** An open task of an earlier version, whose candidates could set its variables, is narrowed at start-up. */
@SpringBootTest
@ActiveProfiles("test")
class TaskPermissionUpgradeTest {

    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TaskPermissionUpgrade upgrade;

    @Test
    void aCandidatesUpdateOnAnOldTaskBecomesTaskWorkAndAnAdministratorsGrantOnAllStays() {
        Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        old.setGroupId("unit-402004");
        old.setResource(Resources.TASK);
        old.setResourceId("task-of-an-earlier-version");
        old.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(old);
        Authorization everything = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        everything.setGroupId("auditors");
        everything.setResource(Resources.TASK);
        everything.setResourceId(Authorization.ANY);
        everything.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(everything);

        upgrade.run(null);
        upgrade.run(null); // every node runs it: the second run finds nothing

        Authorization now = authorizations.createAuthorizationQuery().authorizationId(old.getId()).singleResult();
        assertThat(now.isPermissionGranted(Permissions.UPDATE)).isFalse();
        assertThat(now.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(now.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(authorizations.createAuthorizationQuery().authorizationId(everything.getId()).singleResult()
                .isPermissionGranted(Permissions.UPDATE)).isTrue();
        authorizations.deleteAuthorization(old.getId());
        authorizations.deleteAuthorization(everything.getId());
    }
}
