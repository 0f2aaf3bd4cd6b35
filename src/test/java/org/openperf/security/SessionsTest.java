package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openperf.pages.PageSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A script calling /api with HTTP Basic gets no session (each of its requests would otherwise leave one on the node
 * for half an hour); a person logging in on the form gets one, and a new one at login, so a session id planted
 * before the login is worth nothing after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionsTest {

    @LocalServerPort
    int port;

    @Test
    void aScriptsBasicRequestsLeaveNoSession() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString("unit402001:demo".getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/api/tasks?view=todo", "/api/projects")) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().allValues("Set-Cookie")).as(path + " sets no session cookie").isEmpty();
        }
    }

    @Test
    void theFormLoginStartsASessionOfItsOwn() throws Exception {
        PageSession browser = new PageSession(port);
        Optional<String> before = sessionId(browser.get("/login"));
        assertThat(before).as("the login form's CSRF token lives in a session").isPresent();
        HttpResponse<String> login = browser.login("unit402001", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(sessionId(login)).as("a new session at login").isPresent().isNotEqualTo(before);
        assertThat(browser.get("/api/tasks?view=todo").statusCode()).as("the session opens the API").isEqualTo(200);
    }

    private static Optional<String> sessionId(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst();
    }
}
