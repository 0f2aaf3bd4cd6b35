package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.openperf.DepartmentTableFixture;

/**
 * A department table from draft to 批复 in the browser: the department reviewer (department 977, 2055, which no
 * other test uses) edits the imported draft on its page, saves and clicks 提交审核; finance opens the 财政审核 task
 * in Camunda Tasklist, sees the table named in the Camunda Form, approves it with an opinion; the page then shows
 * it approved as version 1, read only, with its history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DepartmentTargetApprovalBrowserTest {

    static final String DEPT = "dept977";
    static final String FINANCE = "finance977";

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

    long importDraft() throws Exception {
        DepartmentTableFixture fixture = new DepartmentTableFixture(http, json, identity);
        fixture.user(DEPT, "dept-977");
        fixture.user(FINANCE, "finance");
        return fixture.imported(DEPT, 2055);
    }

    JsonNode review(long id) {
        try {
            return json.readTree(http.withBasicAuth(DEPT, "demo")
                    .getForObject("/api/department-targets/" + id + "/review", String.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDepartmentSubmitsOnThePageAndFinanceApprovesInTasklist() throws Exception {
        long id = importDraft();
        String page = "http://localhost:" + port + "/departments/977/targets/2055";

        try (Browser b = Browser.open()) {
            b.driver.get(page);
            b.login(DEPT, "demo");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor")));
            assertThat(b.driver.findElement(By.id("review-step")).getText()).isEqualTo("尚未提交审核");
            WebElement goal = b.driver.findElement(By.id("e-overall-goal"));
            goal.clear();
            b.enter(goal, "稳就业、保民生，城镇新增就业不少于 5000 人");
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-status"), "检查完成：0 个错误"));
            b.click(b.driver.findElement(By.id("save")));
            b.wait.until(ExpectedConditions.stalenessOf(goal));
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor")));

            b.enter(b.driver.findElement(By.id("submit-comment")), "请财政审核");
            WebElement submit = b.driver.findElement(By.id("submit"));
            b.click(submit);
            b.wait.until(ExpectedConditions.stalenessOf(submit));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-step"), "待财政审核"));
            assertThat(b.driver.findElement(By.id("status")).getText()).isEqualTo("审核中");
            assertThat(b.driver.findElements(By.id("editor"))).isEmpty();
            assertThat(b.driver.findElements(By.id("submit"))).isEmpty();
            assertThat(b.driver.findElement(By.id("history")).getText()).contains("提交审核", "请财政审核", DEPT);
            b.screenshot("department-target-submitted");
        }

        Task task = tasks.createTaskQuery().processInstanceBusinessKey("department-target-" + id).singleResult();
        assertThat(task.getName()).endsWith("部门整体绩效目标 · 主管部门 977 2055");
        try (Browser b = Browser.open()) {
            String base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
            b.driver.get(base);
            b.wait.until(ExpectedConditions.urlContains("/login"));
            b.login(FINANCE, "demo");
            b.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "待办任务"));
            b.driver.get(base + "#/?task=" + task.getId());
            b.driver.navigate().refresh();
            WebElement claim = b.untilClickable(By.cssSelector("[ng-click='claim()']"), "tasklist-department-task-not-opened");
            claim.click();
            b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"),
                    "财政审核：部门整体绩效目标 · 主管部门 977 2055"));
            assertThat(b.driver.findElement(By.cssSelector(".fjs-form")).getText()).contains("请财政审核");
            b.click(b.driver.findElement(By.xpath("//label[normalize-space()='同意']")));
            b.enter(b.driver.findElement(By.cssSelector(".fjs-form textarea")), "目标明确，同意批复");
            b.screenshot("tasklist-department-target-finance-review");
            b.click(b.driver.findElement(By.cssSelector("button[ng-click='complete()']")));
            b.wait.until(d -> "APPROVED".equals(review(id).get("status").asText()));
        }

        JsonNode done = review(id);
        assertThat(done.get("approvedVersion").asInt()).isEqualTo(1);
        assertThat(done.get("opinions").findValuesAsText("comment")).contains("目标明确，同意批复");
        assertThat(done.get("opinions").findValuesAsText("user")).contains(FINANCE);
        try (Browser b = Browser.open()) {
            b.driver.get(page);
            b.login(DEPT, "demo");
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("target-table")));
            assertThat(b.driver.findElement(By.id("status")).getText()).isEqualTo("已批复");
            assertThat(b.driver.findElement(By.id("approved-version")).getText()).contains("第 1 版");
            assertThat(b.driver.findElements(By.id("editor"))).isEmpty();
            assertThat(b.driver.findElement(By.id("overall-goal")).getText()).contains("城镇新增就业不少于 5000 人");
            b.screenshot("department-target-approved");
        }
    }
}
