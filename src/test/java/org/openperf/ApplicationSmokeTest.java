package org.openperf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicationSmokeTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void engineRestAndTheApiNeedALogin() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.getForEntity("/api/tasks", String.class).getStatusCode().value()).isEqualTo(401);
        // (a wrong password delays the next login of that user by Camunda's design, so not admin's here)
        assertThat(http.withBasicAuth("unit402004", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void healthIsUp() {
        String body = http.getForObject("/actuator/health", String.class);
        assertThat(body).contains("\"status\":\"UP\"");
        // The container's health check reads it without a login: the status only, no components or details,
        // for an administrator either; no other endpoint (env, configprops, heapdump) is served.
        assertThat(body).isEqualTo("{\"status\":\"UP\"}");
        assertThat(http.withBasicAuth("admin", "demo").getForObject("/actuator/health", String.class))
                .isEqualTo("{\"status\":\"UP\"}");
        for (String endpoint : new String[] {"env", "configprops", "heapdump", "beans"}) {
            assertThat(http.withBasicAuth("admin", "demo").getForEntity("/actuator/" + endpoint, String.class)
                    .getStatusCode().value()).as(endpoint).isEqualTo(404);
        }
    }
}
