package org.openperf.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.openperf.kernel.Caller;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters for each role, in Chinese: 我的待办 and 逾期 for everyone; 待部门审核 for the departments'
 * reviewers, 待财政审核 for finance, 监控填报 for the units, 自评审核 for departments and finance. Each shows only
 * the caller's own tasks (assigned to them or offered to their groups: Camunda's {@code currentUser()} and
 * {@code currentUserGroups()}), and is shared (READ) only with the groups of its role, by the groups' names as the
 * processes route them ({@code unit-…}, {@code dept-…}, {@code finance}). Made at every start-up: a filter an
 * administrator changed is left as it is, a group added since gets its filters. Every card shows the task's
 * 单位 and 预算数 ({@link TaskCards}) and its due date.
 */
@Component
@Order(20)
public class TaskFilters implements ApplicationRunner {

    static final String EVERYONE = "*";
    static final String FINANCE = "finance";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final IdentityService identity;

    public TaskFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                       IdentityService identity) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.identity = identity;
    }

    record RoleFilter(String name, int priority, String description, List<String> sharedWith, TaskQuery query) {
    }

    List<RoleFilter> roleFilters() {
        return List.of(
                new RoleFilter("我的待办", -10, "签收给我的和我所在组可办理的任务", List.of(EVERYONE), mine()),
                new RoleFilter("待部门审核", -9, "待本部门审核的绩效目标表", List.of(Caller.DEPARTMENT_GROUP_PREFIX),
                        mine().taskDefinitionKey(Steps.DEPARTMENT_REVIEW)),
                new RoleFilter("待财政审核", -8, "待财政审核的绩效目标表", List.of(FINANCE),
                        mine().taskDefinitionKey(Steps.FINANCE_REVIEW)),
                new RoleFilter("逾期", -7, "已过办理期限的任务", List.of(EVERYONE),
                        mine().dueBeforeExpression("${now()}")),
                new RoleFilter("监控填报", -6, "待填报的绩效运行监控表", List.of(Caller.UNIT_GROUP_PREFIX),
                        mine().taskDefinitionKey(Steps.MONITORING_REPORT)),
                new RoleFilter("自评审核", -5, "待审核、复核的绩效自评", List.of(Caller.DEPARTMENT_GROUP_PREFIX, FINANCE),
                        mine().taskDefinitionKeyIn("UserTask_SelfEvaluationReview", "UserTask_FinanceRecheck")));
    }

    /** Assigned to the caller, or offered to one of their groups and not claimed by anyone. */
    private TaskQuery mine() {
        return tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}").endOr()
                .orderByDueDate().asc().orderByTaskCreateTime().asc();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Group> groups = identity.createGroupQuery().list();
        for (RoleFilter f : roleFilters()) {
            Filter filter = filters.createFilterQuery().filterName(f.name()).singleResult();
            if (filter == null) {
                filter = filters.newTaskFilter(f.name()).setQuery(f.query()).setProperties(Map.of(
                        "priority", f.priority(), "description", f.description(), "refresh", true));
                filters.saveFilter(filter);
            }
            // One read of who has the filter already, not one per group: a province has a thousand unit groups.
            Set<String> shared = new HashSet<>();
            for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                    .resourceId(filter.getId()).list()) {
                shared.add(a.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL ? EVERYONE
                        : String.valueOf(a.getGroupId()));
            }
            for (String id : sharedWith(f, groups)) {
                if (!shared.contains(id)) {
                    share(filter.getId(), id);
                }
            }
        }
        showCardVariables();
    }

    /**
     * Every task filter's cards show unit and budget: ours made before the cards did, and the 全部任务 filter the
     * Camunda starter makes. A filter an administrator gave variables of their own keeps those.
     */
    private void showCardVariables() {
        for (Filter filter : filters.createTaskFilterQuery().list()) {
            Map<String, Object> properties = filter.getProperties();
            if (properties == null || !properties.containsKey("variables")) {
                Map<String, Object> with = new HashMap<>(properties == null ? Map.of() : properties);
                with.put("variables", TaskCards.FILTER_VARIABLES);
                filters.saveFilter(filter.setProperties(with));
            }
        }
    }

    private static List<String> sharedWith(RoleFilter f, List<Group> groups) {
        List<String> ids = new ArrayList<>();
        for (String role : f.sharedWith()) {
            if (EVERYONE.equals(role)) {
                ids.add(EVERYONE);
            } else {
                groups.stream().map(Group::getId)
                        .filter(g -> FINANCE.equals(role) ? FINANCE.equals(g) : g.startsWith(role)).forEach(ids::add);
            }
        }
        return ids;
    }

    private void share(String filterId, String groupOrEveryone) {
        boolean everyone = EVERYONE.equals(groupOrEveryone);
        Authorization a = authorizations.createNewAuthorization(
                everyone ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
        if (everyone) {
            a.setUserId(Authorization.ANY);
        } else {
            a.setGroupId(groupOrEveryone);
        }
        a.setResource(Resources.FILTER);
        a.setResourceId(filterId);
        a.addPermission(Permissions.READ);
        authorizations.saveAuthorization(a);
    }
}
