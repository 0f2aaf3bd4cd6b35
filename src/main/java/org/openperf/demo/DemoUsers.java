package org.openperf.demo;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.openperf.kernel.Caller;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: the demo users with password {@code demo}, one per role, and their groups. Created when the
 * bean starts (before any runner), kept when they exist; real deployments manage users in Camunda Admin.
 */
@Component
@ConditionalOnProperty(name = "perf.demo.users", havingValue = "true")
public class DemoUsers {

    static final String PASSWORD = "demo";

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("finance", "财政局", "审核人", "finance"),
            new DemoUser("dept402", "青岛市人社局", "审核人", "dept-402"),
            new DemoUser("dept353", "天津市人社局", "审核人", "dept-353"),
            new DemoUser("unit402001", "人社局本级", "编制人", "unit-402001"),
            new DemoUser("unit402004", "公共就业和人才服务中心", "编制人", "unit-402004"),
            new DemoUser("unit353101", "天津市人社局财务处", "编制人", "unit-353101"));

    public DemoUsers(IdentityService identity) {
        USERS.forEach(u -> create(identity, u));
    }

    private static void create(IdentityService identity, DemoUser u) {
        if (identity.createGroupQuery().groupId(u.group()).count() == 0) {
            Group g = identity.newGroup(u.group());
            g.setName(u.firstName());
            g.setType(u.group().equals("finance") ? "finance"
                    : u.group().startsWith(Caller.DEPARTMENT_GROUP_PREFIX) ? "department" : "unit");
            identity.saveGroup(g);
        }
        if (identity.createUserQuery().userId(u.id()).count() == 0) {
            User user = identity.newUser(u.id());
            user.setFirstName(u.firstName());
            user.setLastName(u.lastName());
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(u.id(), u.group());
        }
    }
}
