package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openperf.departments.DepartmentTargetRepository;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.targets.ProjectStatus;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A department reviewer on the 部门整体绩效目标 page of the draft they imported (seed 001's department part, as
 * department 973 for 2092, which no other test uses): adds an indicator to the first activity with a band that
 * does not read, sees the finding beside that row, fixes it, saves, and finds the change after a reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DepartmentTargetBrowserTest {

    static final String USER = "dept973";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    DepartmentTargetRepository tables;

    long importDraft() throws Exception {
        if (identity.createGroupQuery().groupId("dept-973").count() == 0) {
            identity.saveGroup(identity.newGroup("dept-973"));
        }
        if (identity.createUserQuery().userId(USER).count() == 0) {
            User u = identity.newUser(USER);
            u.setPassword("demo");
            identity.saveUser(u);
            identity.createMembership(USER, "dept-973");
        }
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ClassPathResource("fixtures/caofeidian-2023-department.docx"));
        body.add("year", "2092");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        String answer = http.withBasicAuth(USER, "demo").postForObject("/api/imports", new HttpEntity<>(body, h),
                String.class);
        return json.readTree(answer).get("departmentTables").get(0).get("id").asLong();
    }

    void approve(long id) {
        DepartmentTargetTable t = tables.findById(id).orElseThrow();
        t.setStatus(ProjectStatus.APPROVED);
        tables.save(t);
    }

    JsonNode table(long id) throws Exception {
        return json.readTree(http.withBasicAuth(USER, "demo").getForObject("/api/department-targets/" + id, String.class));
    }

    @Test
    void theDepartmentAddsAnIndicatorSeesItsFindingBesideItFixesItAndSaves() throws Exception {
        long id = importDraft();
        JsonNode before = table(id);
        int firstActivityIndicators = before.get("activities").get(0).get("indicators").size();
        assertThat(before.get("findings").findValuesAsText("severity")).doesNotContain("ERROR");

        try (Browser b = Browser.open()) {
            String base = "http://localhost:" + port;
            b.driver.get(base + "/departments/973/targets/2092");
            b.login(USER, "demo");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor")));
            assertThat(b.driver.findElement(By.id("status")).getText()).isEqualTo("编制中");
            assertThat(b.driver.findElements(By.cssSelector("#editor-activities tr[data-first=true]"))).hasSize(21);
            // the first activity's cells span its indicators, as published
            assertThat(b.driver.findElement(By.cssSelector("#editor-activities tr[data-activity='0'][data-first=true] td"))
                    .getAttribute("rowspan")).isEqualTo(String.valueOf(firstActivityIndicators));
            b.screenshot("department-target-draft");

            b.click(b.driver.findElement(By.cssSelector("button[aria-label='第1个活动添加指标']")));
            String added = "#editor-activities tr[data-activity='0'][data-indicator='" + firstActivityIndicators + "']";
            WebElement row = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(added)));
            row.findElement(By.cssSelector("[data-key=name]")).sendKeys("政策宣传次数");
            row.findElement(By.cssSelector("[data-key=description]")).sendKeys("全年开展就业政策宣传的次数");
            row.findElement(By.cssSelector("[data-key='band-优']")).sendKeys("≥九十次");
            row.findElement(By.cssSelector("[data-key='band-良']")).sendKeys("≥8次");
            row.findElement(By.cssSelector("[data-key='band-中']")).sendKeys("≥6次");
            row.findElement(By.cssSelector("[data-key='band-差']")).sendKeys("<6次");

            // the finding beside the new row, and counted in the summary
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(added + " .row-findings"),
                    "未能识别"));
            row = b.driver.findElement(By.cssSelector(added));
            assertThat(row.getAttribute("class")).contains("has-error");
            assertThat(row.findElement(By.cssSelector(".row-findings")).getText()).contains("≥九十次");
            assertThat(b.driver.findElement(By.id("error-count")).getText()).isEqualTo("1");
            assertThat(b.driver.findElement(By.id("findings-summary")).getText()).contains("政策宣传次数");
            // no other row carries it
            assertThat(b.driver.findElements(By.cssSelector("#editor-activities tr.has-error"))).hasSize(1);
            b.screenshot("department-target-finding");

            WebElement excellent = row.findElement(By.cssSelector("[data-key='band-优']"));
            excellent.clear();
            excellent.sendKeys("≥10次");
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-status"), "检查完成：0 个错误"));
            assertThat(b.driver.findElements(By.cssSelector("#editor-activities tr.has-error"))).isEmpty();
            assertThat(b.driver.findElement(By.cssSelector(added + " .row-findings")).getText()).isEmpty();

            // moved up and back, an activity and the new indicator keep what was typed
            b.click(b.driver.findElement(By.cssSelector("button[aria-label='第2个活动上移']")));
            assertThat(b.driver.findElement(By.cssSelector("#editor-activities tr[data-activity='0'] [data-key=code]"))
                    .getAttribute("value")).isEqualTo("0102");
            b.click(b.driver.findElement(By.cssSelector("button[aria-label='第1个活动下移']")));
            b.click(b.driver.findElement(By.cssSelector("button[aria-label='第1个活动第" + (firstActivityIndicators + 1)
                    + "个指标上移']")));
            String moved = "#editor-activities tr[data-activity='0'][data-indicator='" + (firstActivityIndicators - 1) + "']";
            assertThat(b.driver.findElement(By.cssSelector(moved + " [data-key=name]")).getAttribute("value"))
                    .isEqualTo("政策宣传次数");
            b.click(b.driver.findElement(By.cssSelector("button[aria-label='第1个活动第" + firstActivityIndicators
                    + "个指标下移']")));
            assertThat(b.driver.findElement(By.cssSelector(added + " [data-key='band-优']")).getAttribute("value"))
                    .isEqualTo("≥10次");
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-status"), "检查完成：0 个错误"));
            row = b.driver.findElement(By.cssSelector(added));

            b.click(b.driver.findElement(By.id("save")));
            b.wait.until(ExpectedConditions.stalenessOf(row));
            WebElement saved = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(added)));
            assertThat(saved.findElement(By.cssSelector("[data-key=name]")).getAttribute("value")).isEqualTo("政策宣传次数");
            assertThat(saved.findElement(By.cssSelector("[data-key='band-优']")).getAttribute("value")).isEqualTo("≥10次");
            assertThat(b.driver.findElement(By.id("error-count")).getText()).isEqualTo("0");
            b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", saved);
            b.screenshot("department-target-saved");
            // stored as saved, in one write
            JsonNode after = table(id);
            JsonNode indicators = after.get("activities").get(0).get("indicators");
            assertThat(indicators).hasSize(firstActivityIndicators + 1);
            JsonNode last = indicators.get(firstActivityIndicators);
            assertThat(last.get("name").asText()).isEqualTo("政策宣传次数");
            assertThat(last.get("bands").get("优").asText()).isEqualTo("≥10次");
            assertThat(last.get("bands").get("差").asText()).isEqualTo("<6次");
            assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong() + 1);
            assertThat(after.get("indicatorCount").asInt()).isEqualTo(52);

            // Once approved (no process yet: set here) the page is the published table, read only.
            approve(id);
            b.driver.navigate().refresh();
            WebElement published = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("target-table")));
            assertThat(b.driver.findElements(By.id("editor"))).isEmpty();
            assertThat(b.driver.findElement(By.id("read-only-note")).getText()).startsWith("只读");
            assertThat(published.findElement(By.cssSelector(".table-title")).getText()).endsWith("2092年部门整体绩效目标");
            WebElement first = published.findElement(By.cssSelector("#activities tr[data-activity='0'] th"));
            assertThat(first.getText()).isEqualTo("0101");
            assertThat(first.getAttribute("rowspan")).isEqualTo(String.valueOf(firstActivityIndicators + 1));
            assertThat(published.findElement(By.cssSelector("#activities tr[data-row='" + firstActivityIndicators + "']"))
                    .getText()).contains("政策宣传次数").contains("≥10次");
            b.driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", first);
            b.screenshot("department-target-approved");

            b.click(b.driver.findElement(By.cssSelector("nav a[href='/departments/targets']")));
            WebElement listed = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#department-tables a[href='/departments/973/targets/2092']")));
            assertThat(listed.getText()).startsWith("973");
            b.screenshot("department-targets-list");
        }
    }
}
