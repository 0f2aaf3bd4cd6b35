package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/**
 * A department reviewer works in Camunda Tasklist: logs in as dept402, opens the 部门审核 task, sees the project
 * and its indicators in the Camunda Form, approves with an opinion, and the project moves on to 财政审核.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistReviewBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    static final String TABLE = """
            {"year": 2031, "name": "浏览器审核项目", "unit": {"code": "402001"}, "budget": 12, "fiscalFunds": 12,
             "otherFunds": 0, "purpose": "用于组织财务人员培训", "goal": "提高人社系统财务工作规范化水平",
             "indicators": [
               {"level1": "成本指标", "level2": "经济成本指标", "name": "培训标准", "value": "≤550 元/人天"},
               {"level1": "产出指标", "level2": "数量指标", "name": "每期培训人数", "value": "≥40 人"},
               {"level1": "效益指标", "level2": "社会效益指标", "name": "财务政策规范知晓度", "value": "≥95%"},
               {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "培训人员满意度", "value": "≥90%"}]}
            """;

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    String post(String user, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(url, new HttpEntity<>(body, h), String.class).getBody();
    }

    /**
     * Cockpit loads the same header script as Tasklist (app/shared/perf-pages.js): a link back to the project list.
     * (Admin loads it too, for the login, but Camunda 7.24's Admin has no header plug-in point to show a link in.)
     */
    @Test
    void cockpitLinksBackToTheProjectList() throws Exception {
        try (Browser b = Browser.open()) {
            b.driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
            b.wait.until(ExpectedConditions.urlContains("/login"));
            b.login("admin", "demo");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/projects']")));
            b.screenshot("cockpit-header");
        }
    }

    @Test
    void theDepartmentApprovesInTasklistAndTheProjectMovesToFinance() throws Exception {
        long projectId = json.readTree(post("admin", "/api/projects", TABLE)).get("id").asLong();
        post("unit402001", "/api/projects/" + projectId + "/submit", "{\"comment\":\"请审核\"}");
        JsonNode todo = json.readTree(http.withBasicAuth("dept402", "demo")
                .getForObject("/api/tasks?view=todo&year=2031", String.class));
        assertThat(todo).hasSize(1);
        String taskId = todo.get(0).get("taskId").asText();

        try (Browser b = Browser.open()) {
            String base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
            b.driver.get(base);
            // One login: Tasklist sends the browser to the app's login page, and back to Tasklist after it.
            b.wait.until(ExpectedConditions.urlContains("/login"));
            b.screenshot("tasklist-login");
            b.login("dept402", "demo");
            b.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
            // Tasklist speaks Chinese by default, whatever the browser's language.
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "待办任务"));
            // The header links back to the app's pages (the script shared by the webapps, app/shared/perf-pages.js).
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".perf-links a[href='/projects']")));

            // A deep link to the task, loaded as a whole page: a hash change alone can race Tasklist's own first
            // routing (it picks the default filter) and leave the task unopened on a busy machine.
            b.driver.get(base + "#/?task=" + taskId);
            b.driver.navigate().refresh();
            WebElement claim = b.untilClickable(By.cssSelector("[ng-click='claim()']"), "tasklist-task-not-opened");
            claim.click();
            // Until the claim has come back, Tasklist lays a disabled overlay over the form that swallows clicks.
            b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
            // The Camunda Form shows the project and its indicator table.
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "浏览器审核项目"));
            WebElement form = b.driver.findElement(By.cssSelector(".fjs-form"));
            assertThat(form.getText()).contains("培训人员满意度").contains("≥90%").contains("12.00");
            b.click(b.driver.findElement(By.xpath("//label[normalize-space()='同意']")));
            b.enter(b.driver.findElement(By.cssSelector(".fjs-form textarea")), "指标设置合理，同意");
            Path shot = b.screenshot("tasklist-department-review");
            assertThat(Files.size(shot)).isPositive();
            WebElement complete = b.driver.findElement(By.cssSelector("button[ng-click='complete()']"));
            assertThat(complete.getText()).isEqualTo("完成");
            b.click(complete);
            b.wait.until(d -> stepOf(projectId).equals("财政审核"));
            b.screenshot("tasklist-after-approval");
        }
        JsonNode history = json.readTree(http.withBasicAuth("unit402001", "demo")
                .getForObject("/api/projects/" + projectId + "/history", String.class));
        assertThat(history.get(1).get("step").asText()).isEqualTo("部门审核");
        assertThat(history.get(1).get("user").asText()).isEqualTo("dept402");
        assertThat(history.get(1).get("comment").asText()).isEqualTo("指标设置合理，同意");
    }

    String stepOf(long projectId) {
        try {
            JsonNode rows = json.readTree(http.withBasicAuth("finance", "demo")
                    .getForObject("/api/tasks?view=todo&year=2031", String.class));
            for (JsonNode r : rows) {
                if (r.get("projectId").asLong() == projectId) {
                    return r.get("step").asText();
                }
            }
            return "";
        } catch (Exception e) {
            return "";
        }
    }
}
