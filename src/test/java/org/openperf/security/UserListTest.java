package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
