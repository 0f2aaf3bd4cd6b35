package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.pages.MonitoredProject;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The unit's 监控表 on its page, as unit402001: from the todo row to the pre-filled report; a red indicator without
 * reasons is refused and named (nothing stored); with reasons and measures the report is stored and shows its lights
 * and its place in review. Year 2046 keeps the round apart from the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MonitoringReportBrowserTest {

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

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    WebElement row(Browser b, int index) {
        return b.driver.findElement(By.cssSelector("#report-rows tr[data-index='" + index + "']"));
    }

    @Test
    void aRedIndicatorIsRefusedUntilExplainedThenTheReportShowsItsLights() throws Exception {
        long id = new MonitoredProject(http, json, 2046).create("监控表页面项目");
        String base = "http://localhost:" + port;
        try (Browser b = Browser.open()) {
            b.driver.get(base + "/");
            b.login("unit402001", "demo");
            b.click(b.wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#todo a[href='/projects/" + id + "/monitoring-report']"))));
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
            assertThat(b.driver.findElement(By.id("m-spent")).getAttribute("value")).isEqualTo("20.00");
            assertThat(b.driver.findElement(By.id("m-rate")).getText()).isEqualTo("20.00");
            assertThat(b.driver.findElement(By.id("m-initial")).getAttribute("value")).isEqualTo("100.00");

            b.enter(b.driver.findElement(By.id("m-forecast")), "90");
            b.enter(row(b, 0).findElement(By.cssSelector("[data-field=valueSoFar]")), "500");
            b.enter(row(b, 1).findElement(By.cssSelector("[data-field=valueSoFar]")), "12");
            b.click(row(b, 1).findElement(By.cssSelector("[data-field=likelihood][value='有可能']")));
            new org.openqa.selenium.support.ui.Select(row(b, 2).findElement(By.cssSelector("[data-field=achievement]")))
                    .selectByVisibleText("达成");
            b.enter(row(b, 3).findElement(By.cssSelector("[data-field=valueSoFar]")), "55");
            b.click(b.driver.findElement(By.id("report-submit")));

            WebElement message = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-message")));
            assertThat(message.getText()).contains("第 2 个指标“每期培训人数”：红灯，须填写偏差原因");
            assertThat(row(b, 1).getAttribute("class")).contains("has-error");
            assertThat(row(b, 0).getAttribute("class")).doesNotContain("has-error");
            assertThat(b.driver.findElement(By.id("reports-title")).findElement(By.xpath("..")).getText())
                    .contains("尚未提交监控表");
            b.screenshot("monitoring-report-refused");

            b.click(row(b, 1).findElement(By.cssSelector("[data-field=deviationReasons][value='硬件条件保障']")));
            b.enter(row(b, 1).findElement(By.cssSelector("[data-field=deviationText]")), "场地改造");
            b.enter(row(b, 1).findElement(By.cssSelector("[data-field=measures]")), "8月起加开一期");
            b.click(b.driver.findElement(By.id("report-submit")));

            WebElement report = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".report")));
            // 20 spent of 100 against 58.33% due by July: red execution, so the project is red.
            assertThat(report.findElement(By.cssSelector(".execution-light")).getText()).isEqualTo("红灯");
            assertThat(report.findElement(By.cssSelector(".light[data-light]")).getText()).isEqualTo("红灯");
            assertThat(report.findElement(By.cssSelector(".report-status")).getText()).isEqualTo("待主管部门审核");
            List<WebElement> lights = report.findElements(By.cssSelector(".indicator-light"));
            assertThat(lights).hasSize(4);
            assertThat(lights.get(1).getText()).isEqualTo("红灯");
            assertThat(report.getText()).contains("硬件条件保障：场地改造").contains("8月起加开一期");
            // Submitted, the task has gone to the department: the page no longer offers the form.
            assertThat(b.driver.findElements(By.id("report-submit"))).isEmpty();
            assertThat(b.driver.findElement(By.id("no-draft")).getText()).contains("最新的监控表已提交，待主管部门审核");
            b.screenshot("monitoring-report");
        }
    }
}
