package org.openperf.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasks created by an earlier version gave their candidates UPDATE (set any variable, hand the task to anyone);
 * candidates now get TASK_WORK only (docs/security.md). At start-up the open tasks' grants still holding UPDATE are
 * narrowed to READ and TASK_WORK, in batches; idempotent, so every node of a cluster may run it.
 */
@Component
@Order(1)
public class TaskPermissionUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskPermissionUpgrade.class);
    private static final int BATCH = 500;

    private final AuthorizationService authorizations;

    public TaskPermissionUpgrade(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        int narrowed = 0;
        while (true) {
            List<Authorization> batch = authorizations.createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.TASK)
                    .hasPermission(Permissions.UPDATE).listPage(0, BATCH).stream()
                    // Grants on every task (Authorization.ANY) are an administrator's deliberate choice.
                    .filter(a -> !Authorization.ANY.equals(a.getResourceId())).toList();
            if (batch.isEmpty()) {
                break;
            }
            for (Authorization a : batch) {
                a.removePermission(Permissions.UPDATE);
                a.addPermission(Permissions.READ);
                a.addPermission(TaskPermissions.TASK_WORK);
                authorizations.saveAuthorization(a);
            }
            narrowed += batch.size();
        }
        if (narrowed > 0) {
            log.info("Narrowed {} task grants from UPDATE to TASK_WORK", narrowed);
        }
    }
}
