package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openperf.pages.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/**
 * Finding 3, second half: a unit sees only the users it can hand a task to (its own unit's), a department's
 * reviewers their department's, and nobody learns the other users' names from /engine-rest/user; what Tasklist
 * needs of the user API (the user's own profile, the task list) still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UserListTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;

    List<String> users(String as) throws Exception {
        JsonNode list = json.readTree(http.withBasicAuth(as, "demo").getForObject("/engine-rest/user", String.class));
        List<String> ids = new ArrayList<>();
        list.forEach(u -> ids.add(u.get("id").asText()));
        return ids;
    }

    @Test
    void eachSeesOnlyTheirOwnGroupsUsers() throws Exception {
        assertThat(users("unit402004")).containsExactly("unit402004");
        assertThat(users("unit402001")).containsExactly("unit402001");
        assertThat(users("dept402")).containsExactly("dept402");
        assertThat(http.withBasicAuth("unit402004", "demo").getForEntity("/engine-rest/user/count", String.class)
                .getBody()).contains("\"count\":1");
        assertThat(http.withBasicAuth("unit402004", "demo").getForEntity("/engine-rest/user/dept353/profile",
                String.class).getStatusCode().is4xxClientError()).as("another department's user").isTrue();
        // Administrators manage every user.
        assertThat(users("admin")).contains("admin", "finance", "dept402", "dept353", "unit402001", "unit402004");
    }

    @Test
    void aNewColleagueIsVisibleOnceTheyLogIn() throws Exception {
        if (identity.createUserQuery().userId("unit402004b").count() == 0) {
            User u = identity.newUser("unit402004b");
            u.setFirstName("公共就业和人才服务中心");
            u.setLastName("编制人二");
            u.setPassword("demo");
            identity.saveUser(u);
            identity.createMembership("unit402004b", "unit-402004");
        }
        try {
            assertThat(new PageSession(port).login("unit402004b", "demo").statusCode()).isEqualTo(302);
            assertThat(users("unit402004")).containsExactlyInAnyOrder("unit402004", "unit402004b");
            assertThat(users("unit402001")).containsExactly("unit402001");
        } finally {
            identity.deleteUser("unit402004b"); // the context, and its users, are shared with other test classes
        }
    }

    @Test
    void tasklistsOwnUserApiShowsTheSame() throws Exception {
        PageSession s = new PageSession(port);
        assertThat(s.login("unit402004", "demo").statusCode()).isEqualTo(302);
        HttpResponse<String> list = s.get("/camunda/api/engine/engine/default/user");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode ids = json.readTree(list.body());
        assertThat(ids.findValuesAsText("id")).doesNotContain("dept402", "dept353", "finance", "unit402001", "admin")
                .contains("unit402004");
        assertThat(s.get("/camunda/api/engine/engine/default/user/unit402004/profile").statusCode()).isEqualTo(200);
        assertThat(s.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    }

    @Test
    void tasklistStillWorksForAUnit() {
        var profile = http.withBasicAuth("unit402004", "demo").getForEntity("/engine-rest/user/unit402004/profile",
                String.class);
        assertThat(profile.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(profile.getBody()).contains("公共就业和人才服务中心");
        assertThat(http.withBasicAuth("unit402004", "demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("unit402004", "demo").getForEntity("/engine-rest/filter", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
