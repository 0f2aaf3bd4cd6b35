package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Finance opens the monitoring dashboard on the demo data (seven approved Qingdao 2024 tables with spending): the
 * light counts per department, the ECharts charts drawn on canvas, and the red list with its numbers; then picks
 * one project for the curve. Screenshots: target/screenshots/dashboard.png and dashboard-project.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"perf.demo.load-fixtures=true", "perf.demo.monitoring=true"})
@ActiveProfiles("test")
class DashboardBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    /** Opens the page as a stranger would: the app sends them to its login page first, then back to the page. */
    void signIn(Browser b, String url, String user) {
        b.driver.get(url);
        b.login(user, "demo");
        b.wait.until(ExpectedConditions.urlContains("/dashboard"));
    }

    static List<Double> numbers(Object series) {
        List<Double> values = new ArrayList<>();
        for (Object v : (List<?>) series) {
            values.add(v == null ? null : ((Number) v).doubleValue());
        }
        return values;
    }

    static List<Double> numbers(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
        return values;
    }

    /** The whole page in one screenshot: the window made as tall as the page, the charts redrawn for it. */
    static Path fullPage(Browser b, String name) throws Exception {
        Number height = (Number) b.driver.executeScript("return document.documentElement.scrollHeight;");
        b.driver.manage().window().setSize(new Dimension(1440, height.intValue() + 140));
        Thread.sleep(800); // ECharts redraws on the resize event, in the next animation frames
        return b.screenshot(name);
    }

    Object chartData(Browser b, String chart, int series) {
        return b.driver.executeScript("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption().series[arguments[1]].data;", chart, series);
    }

    @Test
    void financeSeesTheChartsAndTheRedListWithRealData() throws Exception {
        JsonNode api = json.readTree(http.withBasicAuth("finance", "demo").getForObject("/api/monitoring?year=2024",
                String.class));
        try (Browser b = Browser.open()) {
            signIn(b, "http://localhost:" + port + "/dashboard", "finance");
            b.wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
            assertThat(b.driver.getTitle()).contains("绩效运行监控看板");
            // The app's own header and navigation, as on every other page.
            assertThat(b.driver.findElement(By.cssSelector(".site-header a[aria-current='page']")).getText())
                    .isEqualTo("监控看板");
            assertThat(b.driver.findElement(By.cssSelector(".site-header")).getText()).contains("项目列表", "导入", "退出");
            assertThat(new Select(b.driver.findElement(By.id("year"))).getFirstSelectedOption().getText())
                    .isEqualTo("2024年度");

            // The counts per department, as a table and as ECharts bars drawn on a canvas.
            WebElement counts = b.driver.findElement(By.cssSelector("#counts tbody tr"));
            assertThat(counts.getText()).isEqualTo("402 青岛市人力资源和社会保障局 2 2 2 0 1 7");
            for (String chart : List.of("countsChart", "curveChart")) {
                WebElement canvas = b.driver.findElement(By.cssSelector("#" + chart + " canvas"));
                assertThat(canvas.getSize().getWidth()).as(chart).isGreaterThan(300);
                assertThat(canvas.getSize().getHeight()).as(chart).isGreaterThan(200);
            }
            assertThat(numbers(chartData(b, "countsChart", 0))).containsExactly(2.0);
            // The curve is the department's budget-weighted total, the same numbers the API gives.
            assertThat(numbers(chartData(b, "curveChart", 0))).isEqualTo(numbers(api.get("curve").get("planned")));
            assertThat(numbers(chartData(b, "curveChart", 1))).isEqualTo(numbers(api.get("curve").get("actual")));
            assertThat(numbers(chartData(b, "curveChart", 1)).get(8)).isPositive();

            // The red list with its numbers, the furthest behind first.
            List<WebElement> red = b.driver.findElements(By.cssSelector("#redList tbody tr"));
            assertThat(red).hasSize(2);
            assertThat(red.get(0).getText()).contains("创业补贴及创业服务补贴").contains("青岛市公共就业和人才服务中心")
                    .contains("200.00").contains("40.00").contains("20.00%").contains("50.00%")
                    .contains("尚未填报偏差说明");
            assertThat(red.get(1).getText()).contains("人力资源和社会保障经费").contains("835.00").contains("200.00")
                    .contains("23.95%").contains("47.90%");
            assertThat(b.driver.findElement(By.id("status")).getText()).contains("红灯 2").contains("未监控 1");
            // No self-evaluation round has been scored for 2024 yet: the grade table says so rather than showing zeros.
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#grades tbody"),
                    "本年度尚无自评结果"));
            Path shot = fullPage(b, "dashboard");
            assertThat(Files.size(shot)).isPositive();

            // The 监控表 is prepared in the background: the button asks, waits, then fetches the file.
            b.driver.findElement(By.id("exportDepartment")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                    "监控表已生成：监控表-2024.xlsx"));
            assertThat(b.driver.findElement(By.id("exportDepartment")).getAttribute("aria-busy")).isNull();
            assertThat(b.driver.getCurrentUrl()).contains("/dashboard");
            // The 自评 summary the same way: 2024 has no scored 自评 yet, and the page gives the file's reason.
            b.driver.findElement(By.id("exportEvaluations")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                    "2024 年度没有已评分的自评可汇总"));
            assertThat(b.driver.findElement(By.id("exportEvaluations")).getAttribute("aria-busy")).isNull();

            // One project's curve: its own plan (linear) and readings.
            // Found by typing part of its name: the search offers it with its light, and taking the offer shows it.
            JsonNode found = json.readTree(http.withBasicAuth("finance", "demo").getForObject(
                    "/api/monitoring/projects?year=2024&q=人力资源和社会保障经费", String.class)).get("rows").get(0);
            String code = found.hasNonNull("code") ? " " + found.get("code").asText() : "";
            String offer = "人力资源和社会保障经费（红灯）" + code;
            WebElement picker = b.driver.findElement(By.id("project"));
            picker.sendKeys("人力资源和社会保障");
            b.wait.until(d -> d.findElements(By.cssSelector("#projectMatches option")).stream()
                    .anyMatch(o -> offer.equals(o.getAttribute("value"))));
            picker.sendKeys("经费（红灯）" + code);
            picker.sendKeys(org.openqa.selenium.Keys.TAB);
            b.wait.until(d -> "人力资源和社会保障经费".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return echarts.getInstanceByDom(document.getElementById('curveChart')).getOption().title[0].text;")));
            assertThat(numbers(chartData(b, "curveChart", 1)))
                    .containsExactly(0.0, 0.0, 11.98, 11.98, 11.98, 23.95, null, null, null, null, null, null);
            assertThat(b.driver.getCurrentUrl()).contains("project=");
            assertThat(b.driver.findElement(By.id("exportProject")).getAttribute("href"))
                    .endsWith("/monitoring/export.xlsx");
            fullPage(b, "dashboard-project");
        }
    }
}
