package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openperf.DepartmentTableFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A department fills its 监控表 on the page (department 979, fiscal year 2058, which no other test uses): every
 * indicator at its 优 band but the first at its 差 band, which lights red; 提交 is refused until its reasons and
 * measures are there, then the 监控表 goes to finance and the page turns read only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DepartmentMonitoringBrowserTest {

    static final String DEPT = "dept979";
    static final String FINANCE = "finance979";
    static final int YEAR = 2058;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;

    @Test
    void theDepartmentFillsItsMonitoringReportAndSubmitsItOnceTheRedLightIsExplained() throws Exception {
        DepartmentTableFixture f = new DepartmentTableFixture(http, json, identity);
        f.user(DEPT, "dept-979");
        f.user(FINANCE, "finance");
        long id = f.imported(DEPT, YEAR);
        f.ok(f.post(DEPT, "/api/department-targets/" + id + "/submit", "{}"));
        String approval = tasks.createTaskQuery().processInstanceBusinessKey("department-target-" + id).singleResult().getId();
        f.ok(f.post(FINANCE, "/api/tasks/" + approval + "/complete", "{\"decision\":\"approve\"}"));
        long roundId = f.ok(f.post(FINANCE, "/api/monitoring-rounds", "{\"year\":" + YEAR + ",\"cutoff\":6}"))
                .get("id").asLong();
        JsonNode report = f.ok(f.get(DEPT, "/api/department-targets/" + id + "/monitoring/" + roundId));

        try (Browser b = Browser.open()) {
            b.driver.get("http://localhost:" + port + "/departments/979/targets/" + YEAR);
            b.login(DEPT, "demo");
            b.click(b.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("1–6月监控表（填报中）"))));
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("save-report")));
            // Every indicator at its 优 band (a blank 优: chosen), typed by script: 51 rows.
            for (JsonNode l : report.get("lines")) {
                int k = l.get("position").asInt();
                String value = k == 0 ? l.get("bands").path("差").asText("未完成") : l.get("bands").path("优").asText("已完成");
                b.driver.executeScript("const row = document.querySelector('#monitoring-lines tr[data-line=\"' + arguments[0]"
                        + " + '\"]'); row.querySelector('[data-key=valueSoFar]').value = arguments[1];"
                        + " row.querySelector('[data-key=bandSoFar]').value = arguments[2];", k, value, k == 0 ? "差" : "优");
            }
            WebElement submit = b.driver.findElement(By.id("submit-report"));
            b.click(submit);
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-message"), "红灯须填写偏差原因和改进措施"));
            b.screenshot("department-monitoring-refused");

            WebElement first = b.driver.findElement(By.cssSelector("#monitoring-lines tr[data-line='0']"));
            b.enter(first.findElement(By.cssSelector("[data-key=deviationReason]")), "补贴资金下达滞后");
            b.enter(first.findElement(By.cssSelector("[data-key=measures]")), "七月底前补发到位");
            b.click(submit);
            b.wait.until(ExpectedConditions.stalenessOf(submit));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-status"), "待财政审核"));
            assertThat(b.driver.findElements(By.id("save-report"))).isEmpty();
            WebElement row = b.driver.findElement(By.cssSelector("#monitoring-lines tr[data-line='0']"));
            assertThat(row.getText()).contains("红灯", "补贴资金下达滞后", "七月底前补发到位");
            b.screenshot("department-monitoring-submitted");
        }
        JsonNode after = f.ok(f.get(DEPT, "/api/department-targets/" + id + "/monitoring/" + roundId));
        assertThat(after.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(after.get("lines").get(1).get("light").asText()).isEqualTo("green");
    }
}
