package org.openperf.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openperf.pages.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Finding 3: strangers cannot shut a user out. Wrong passwords lock a user name (and a client address) for a while
 * only, on every way in (/api Basic, /engine-rest Basic); an administrator lifts a lock early. Time is moved with
 * the engine's clock, so Camunda's own delays between attempts pass as they would in real life.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginLockoutTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    long now = System.currentTimeMillis();

    @AfterEach
    void forget() {
        ClockUtil.reset();
        jdbc.update("delete from login_throttle");
        jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 0, LOCK_EXP_TIME_ = null");
    }

    void later(long millis) {
        now += millis;
        ClockUtil.setCurrentTime(new Date(now));
    }

    HttpStatus api(String user, String password) {
        return HttpStatus.valueOf(http.withBasicAuth(user, password).getForEntity("/api/tasks?view=todo",
                String.class).getStatusCode().value());
    }

    HttpStatus engineRest(String user, String password) {
        return HttpStatus.valueOf(http.withBasicAuth(user, password).getForEntity("/engine-rest/task",
                String.class).getStatusCode().value());
    }

    @Test
    void twelveWrongPasswordsLockTheUserForAWhileNeverForGood() {
        for (int i = 0; i < 12; i++) {
            later(61_000); // past Camunda's longest delay between attempts
            assertThat(api("unit402004", "guess" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // Locked now: not even the right password opens it, on any way in.
        assertThat(api("unit402004", "demo")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(engineRest("unit402004", "demo")).isEqualTo(HttpStatus.UNAUTHORIZED);
        // Other users are not touched.
        assertThat(api("unit402001", "demo")).isEqualTo(HttpStatus.OK);

        later(16 * 60_000L);
        assertThat(api("unit402004", "demo")).as("the lock has expired").isEqualTo(HttpStatus.OK);
        assertThat(engineRest("unit402004", "demo")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theLoginPageSaysTheNameIsLockedForAWhile() throws Exception {
        PageSession page = new PageSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(page.login("unit402001", "guess" + i).headers().firstValue("Location").orElseThrow())
                    .endsWith("/login?error");
        }
        HttpResponse<String> locked = page.login("unit402001", "demo");
        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
        assertThat(page.get("/login?locked").body()).contains("登录失败次数过多，已暂时锁定，请 15 分钟后再试");
    }

    @Test
    void guessesThroughEngineRestCountToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(engineRest("dept402", "guess" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(engineRest("dept402", "demo")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api("dept402", "demo")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void oneAddressCannotGuessAcrossManyUsers() {
        for (int i = 0; i < 20; i++) {
            assertThat(api("nobody" + i, "guess")).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // The address is locked: even a user without failures of their own is refused from it for a while.
        assertThat(api("dept353", "demo")).isEqualTo(HttpStatus.UNAUTHORIZED);
        later(16 * 60_000L);
        assertThat(api("dept353", "demo")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAdministratorUnlocksAUser() {
        for (int i = 0; i < 5; i++) {
            assertThat(api("unit353101", "guess" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(api("unit353101", "demo")).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(http.withBasicAuth("unit402001", "demo").postForEntity("/api/admin/users/unit353101/unlock",
                null, String.class).getStatusCode()).as("only administrators unlock").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("admin", "demo").postForEntity("/api/admin/users/nobody-here/unlock",
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        var unlocked = http.withBasicAuth("admin", "demo").postForEntity("/api/admin/users/unit353101/unlock",
                null, String.class);
        assertThat(unlocked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unlocked.getBody()).contains("\"wasLocked\":true").contains("已解锁");
        assertThat(api("unit353101", "demo")).isEqualTo(HttpStatus.OK);
    }
}
