package org.openperf.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/**
 * One login for pages and webapps, CSRF on the pages' requests, and scoping of the project page: what a user in a
 * browser meets, over real HTTP with a cookie jar.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PagesSecurityTest {

    static final String TABLE = """
            {"year": 2032, "name": "页面权限测试项目", "unit": {"code": "402001"}, "budget": 12, "fiscalFunds": 12,
             "otherFunds": 0, "goal": "测试",
             "indicators": [
               {"level1": "成本指标", "level2": "经济成本指标", "name": "培训标准", "value": "≤550 元/人天"},
               {"level1": "产出指标", "level2": "数量指标", "name": "每期培训人数", "value": "≥40 人"},
               {"level1": "效益指标", "level2": "社会效益指标", "name": "知晓度", "value": "≥95%"},
               {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度", "value": "≥90%"}]}
            """;

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    long createProject() throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        String body = http.withBasicAuth("admin", "demo").postForEntity("/api/projects", new HttpEntity<>(TABLE, h),
                String.class).getBody();
        return json.readTree(body).get("id").asLong();
    }

    @Test
    void pagesSendStrangersToTheChineseLoginPage() throws Exception {
        PageSession s = new PageSession(port);
        HttpResponse<String> home = s.get("/projects");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> tasklist = s.get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> login = s.get("/login");
        assertThat(login.body()).contains("用户名").contains("密码").contains("登录");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        // Scripts keep HTTP Basic on the API, with a 401 rather than a redirect.
        assertThat(s.get("/api/projects").statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = s.login("unit402001", "falsch");
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        // The wrong password starts the engine's login delay for that user: lift it, so the tests that log in as
        // unit402001 after this one do not depend on the order they run in.
        identity.unlockUser("unit402001");
    }

    @Test
    void oneLoginOpensTheWebappsAndOneLogoutEndsBoth() throws Exception {
        PageSession s = new PageSession(port);
        HttpResponse<String> login = s.login("dept402", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(s.get("/").statusCode()).isEqualTo(200);
        // Tasklist opens on the app's login, and then knows the user: no second login.
        assertThat(s.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> webappUser = s.get("/camunda/api/admin/auth/user/default");
        assertThat(webappUser.statusCode()).isEqualTo(200);
        assertThat(webappUser.body()).contains("\"userId\":\"dept402\"").contains("tasklist");

        // Logging out of the app ends the webapps' login too.
        HttpResponse<String> logout = s.post("/logout", "application/x-www-form-urlencoded", "", s.csrf("/"));
        assertThat(logout.statusCode()).as(logout.headers().map() + " " + logout.body()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(s.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(s.get("/").statusCode()).isEqualTo(302);

        // And Tasklist's own 退出 ends the app's session.
        s.login("dept402", "demo");
        assertThat(s.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(s.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
        // Tasklist sends the webapps' CSRF token with it (without it, see security/ForeignIdTest).
        String xsrf = ((java.net.CookieManager) s.client.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        assertThat(s.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base
                        + "/camunda/api/admin/auth/user/default/logout")).header("X-XSRF-TOKEN", xsrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(s.get("/projects").statusCode()).isEqualTo(302);
    }

    @Test
    void thePagesRequestsNeedTheirCsrfTokenScriptsWithBasicDoNot() throws Exception {
        long id = createProject();
        PageSession s = new PageSession(port);
        s.login("unit402001", "demo");
        String check = "{\"year\":2032,\"name\":\"页面权限测试项目\",\"unit\":{\"code\":\"402001\"},\"indicators\":[]}";
        assertThat(s.post("/api/projects/" + id + "/check", "application/json", check, null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> checked = s.post("/api/projects/" + id + "/check", "application/json", check,
                s.csrf("/projects/" + id));
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).contains("findings");
        assertThat(s.post("/logout", "application/x-www-form-urlencoded", "", null).statusCode()).isEqualTo(403);
        // A script with its own credentials needs no token.
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("unit402001", "demo").postForEntity("/api/projects/" + id + "/check",
                new HttpEntity<>(check, h), String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anotherUnitsProjectPageAnswers404() throws Exception {
        long id = createProject();
        PageSession own = new PageSession(port);
        own.login("unit402001", "demo");
        HttpResponse<String> page = own.get("/projects/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("页面权限测试项目绩效目标表").contains("每期培训人数");
        assertThat(own.get("/projects?year=2032").body()).contains("页面权限测试项目");

        PageSession other = new PageSession(port);
        other.login("unit402004", "demo");
        HttpResponse<String> foreign = other.get("/projects/" + id);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("每期培训人数").contains("不存在");
        assertThat(other.get("/projects?year=2032").body()).doesNotContain("页面权限测试项目");
        String token = other.csrf("/projects");
        String check = "{\"year\":2032,\"name\":\"x\",\"indicators\":[]}";
        assertThat(other.post("/api/projects/" + id + "/check", "application/json", check, token).statusCode())
                .isEqualTo(404);
    }

    /**
     * Admin, Cockpit and Tasklist share one header script: each webapp imports a custom script from
     * {@code app/<name>/} + the path in its config.js + {@code .js}, so each config must lead to a script served there.
     */
    @Test
    void everyWebappFindsTheSharedHeaderScript() throws Exception {
        PageSession s = new PageSession(port);
        s.login("dept402", "demo");
        java.util.regex.Pattern scripts = java.util.regex.Pattern.compile("(?m)^\\s*customScripts:\\s*\\['([^']+)'");
        for (String app : new String[] {"admin", "cockpit", "tasklist"}) {
            String config;
            try (java.io.InputStream in = getClass().getResourceAsStream(
                    "/META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js")) {
                config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            java.util.regex.Matcher m = scripts.matcher(config);
            assertThat(m.find()).as(app + " config.js lists a custom script").isTrue();
            String path = java.net.URI.create("/camunda/app/" + app + "/").resolve(m.group(1) + ".js").getPath();
            HttpResponse<String> script = s.get(path + "?bust=7.24.0");
            assertThat(script.statusCode()).as(app + ": " + path).isEqualTo(200);
            assertThat(script.body()).contains("perf.pages.links").contains("/projects");
        }
    }
}
