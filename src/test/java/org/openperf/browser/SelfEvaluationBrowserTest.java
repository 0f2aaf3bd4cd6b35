package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.evaluation.SelfEvaluationResults;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.monitoring.ExecutionService;
import org.openperf.review.Approvals;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.kernel.Scope;
import org.openperf.targets.UnitRepository;
import org.camunda.bpm.engine.TaskService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A unit's year-end 自评表 on the app's own page, as unit402001: from the todo list to the form, a refusal that
 * names the indicator missing its 偏差原因分析及改进措施, then the filled report and its score and grade.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SelfEvaluationBrowserTest {

    static final int YEAR = 2061;

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    SelfEvaluationRounds rounds;
    @Autowired
    SelfEvaluationResults results;
    @Autowired
    ExecutionService execution;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    static ProjectForm.IndicatorInput row(String l1, String l2, String name, String value) {
        return new ProjectForm.IndicatorInput(l1, l2, name, null, new ProjectForm.ValueInput(value), null, null, null);
    }

    /** Approved, 90 of 100 万元 spent, and finance has opened the year's round. */
    Long projectInRound() {
        Long id = projects.create(new ProjectForm(YEAR, null, "自评页面培训项目", new ProjectForm.UnitInput("402001", null),
                null, new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "完成年度培训任务",
                List.of(), List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("效益指标", "社会效益指标", "政策落实", "有效"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")))).id();
        Approvals.approve(work, tasks, id);
        execution.record(id, LocalDate.of(YEAR, 12, 31), new BigDecimal("90"), Scope.ALL, "u402001");
        rounds.openRound(YEAR, 11L, Approvals.FINANCE);
        return id;
    }

    @Test
    void theUnitFillsItsSelfEvaluationIsToldWhatIsMissingAndSeesItsScore() throws Exception {
        Long id = projectInRound();
        String base = "http://localhost:" + port;
        try (Browser b = Browser.open()) {
            b.driver.get(base + "/");
            b.login("unit402001", "demo");
            // The todo row of the 绩效自评 step opens the 自评表, not Tasklist.
            WebElement todo = b.wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("a.self-evaluation-link[href$='/projects/" + id + "/self-evaluation']")));
            b.click(todo);
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evaluation-form")));
            assertThat(b.driver.findElement(By.id("budget")).getAttribute("value")).isEqualTo("100.00");
            WebElement spent = b.driver.findElement(By.id("spent"));
            assertThat(new BigDecimal(spent.getAttribute("value"))).isEqualByComparingTo("90");
            assertThat(b.driver.findElement(By.id("spent-reason-field")).isDisplayed()).isFalse();
            // Changing the amount asks for its reason; changing it back does not.
            b.enter(spent, "95");
            assertThat(b.driver.findElement(By.id("spent-reason-field")).isDisplayed()).isTrue();
            b.enter(spent, "90");
            assertThat(b.driver.findElement(By.id("spent-reason-field")).isDisplayed()).isFalse();

            // Each indicator gets the input its kind needs.
            assertThat(b.driver.findElement(By.id("actual-1")).getAttribute("inputmode")).isEqualTo("decimal");
            assertThat(b.driver.findElement(By.id("actual-3")).getTagName()).isEqualTo("select");
            assertThat(b.driver.findElement(By.id("actual-1")).getAttribute("aria-label")).contains("每期培训人数");

            b.enter(b.driver.findElement(By.id("goal-achievement")), "完成两期培训，人数略少于目标");
            b.enter(b.driver.findElement(By.id("actual-0")), "500");
            b.enter(b.driver.findElement(By.id("actual-1")), "30");
            b.enter(b.driver.findElement(By.id("actual-2")), "95");
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("actual-3"))).selectByVisibleText("达成");
            b.enter(b.driver.findElement(By.id("score-3")), "15");
            b.enter(b.driver.findElement(By.id("actual-4")), "92");
            // 30 of ≥40 is short of the target: without 偏差原因分析及改进措施 the report is refused whole.
            b.click(b.driver.findElement(By.id("submit-evaluation")));
            WebElement message = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-message")));
            assertThat(message.getText()).contains("每期培训人数").contains("偏差原因");
            WebElement missed = b.driver.findElement(By.cssSelector("#evaluation-rows tr[data-index='1']"));
            assertThat(missed.getAttribute("class")).contains("has-error");
            assertThat(b.driver.findElement(By.cssSelector("#evaluation-rows tr[data-index='0']")).getAttribute("class"))
                    .doesNotContain("has-error");
            assertThat(b.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("explanation-1");
            assertThat(results.hasResult(id, Scope.ALL)).isFalse();
            b.screenshot("self-evaluation-refused");

            b.enter(b.driver.findElement(By.id("explanation-1")), "两期培训合并举办，下年度按计划分期");
            b.click(b.driver.findElement(By.id("submit-evaluation")));
            // 预算执行 90/100 → 9.00; 成本 25; 产出 30 of ≥40 → 18.75; 知晓度 15; 政策落实 达成 15; 满意度 10 → 92.75 优.
            WebElement total = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
            assertThat(total.getText()).isEqualTo("92.75");
            assertThat(b.driver.findElement(By.id("grade")).getText()).isEqualTo("优");
            assertThat(b.driver.findElement(By.id("execution-score")).getText()).isEqualTo("9.00");
            assertThat(b.driver.findElement(By.id("evaluation-status")).getText()).isEqualTo("已评分，待部门审核");
            List<WebElement> rows = b.driver.findElements(By.cssSelector("#result-indicators tbody tr"));
            assertThat(rows).hasSize(5);
            assertThat(rows.get(1).getText()).contains("每期培训人数", "18.75", "两期培训合并举办");
            assertThat(rows.get(1).findElement(By.cssSelector("td.rule")).getText()).isNotBlank();
            assertThat(b.driver.findElement(By.id("evaluation-history")).getText()).contains("绩效自评", "unit402001");
            assertThat(b.driver.findElements(By.id("evaluation-form"))).isEmpty();
            Path shot = b.screenshot("self-evaluation");
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
        assertThat(results.result(id, Scope.ALL).getTotal()).isEqualByComparingTo("92.75");
    }
}
