package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.evaluation.ScoringFiles;
import org.openperf.evaluation.SelfEvaluation;
import org.openperf.evaluation.SelfEvaluationResults;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.kernel.Scope;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.UnitRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Finance on the rules page: uploads a 85/75/60 grade table and sees, before deploying, that a project graded 良
 * last year would be 优. Nothing is deployed. Fiscal year 2090.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RulesPreviewBrowserTest {

    static final int YEAR = 2090;

    @LocalServerPort
    int port;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    SelfEvaluationRounds rounds;
    @Autowired
    SelfEvaluationSubmissions submissions;
    @Autowired
    SelfEvaluationResults results;

    @Test
    void financeSeesWhichGradesANewTableWouldChangeBeforeDeployingIt() throws Exception {
        TestUnits.ensureQingdao(departments, units);
        Long good = approved("职业技能提升行动（预览）");
        Long excellent = approved("公共就业服务能力建设（预览）");
        rounds.openRound(YEAR, 20900L, Approvals.FINANCE);
        publish(good, "57"); // 88.00: 良
        publish(excellent, "95"); // 100.00: 优
        Path file = Path.of("target", "grade-85-75-60.dmn").toAbsolutePath();
        Files.writeString(file, ScoringFiles.gradesXml(85, 75, 60), StandardCharsets.UTF_8);

        try (Browser b = Browser.open()) {
            b.driver.get("http://localhost:" + port + "/rules");
            b.login("finance", "demo");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rules-tables")));
            assertThat(b.driver.findElement(By.id("rules-tables")).getText()).contains("绩效等级（Decision_Grade）");
            new Select(b.driver.findElement(By.id("table"))).selectByValue("Decision_Grade");
            b.driver.findElement(By.id("year")).clear();
            b.driver.findElement(By.id("year")).sendKeys(String.valueOf(YEAR));
            b.driver.findElement(By.id("file")).sendKeys(file.toString());
            b.click(b.driver.findElement(By.id("preview")));
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rules-changes")));
            String changes = b.driver.findElement(By.id("rules-changes")).getText();
            assertThat(changes).contains("职业技能提升行动（预览） 良 优 总分 88.00")
                    .doesNotContain("公共就业服务能力建设（预览）");
            assertThat(b.driver.findElement(By.id("deploy")).getText()).isEqualTo("部署");
            Path shot = b.screenshot("rules-preview");
            assertThat(Files.size(shot)).isPositive();
        }
    }

    Long approved(String name) {
        Long id = projects.create(new ProjectForm(YEAR, null, name, new ProjectForm.UnitInput("402001", null), null,
                new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "目标", List.of(), List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")))).id();
        Approvals.approve(work, tasks, id);
        return id;
    }

    void publish(Long id, String awareness) {
        submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, new BigDecimal("100"), "基本完成",
                List.of(input(0, "500"), input(1, "40"), new SelfEvaluationSubmissions.IndicatorInput(2,
                        new BigDecimal(awareness), null, null, null, null, "宣传推迟到次年"), input(3, "92"))),
                Approvals.UNIT);
        work.complete(lifecycleTask(id).getId(), new Decision("approve", "同意", null), Approvals.DEPT);
        Task recheck = lifecycleTask(id);
        if (recheck != null && "UserTask_FinanceRecheck".equals(recheck.getTaskDefinitionKey())) {
            work.complete(recheck.getId(), new Decision("approve", "复核无异议", null), Approvals.FINANCE);
        }
        assertThat(results.result(id, Scope.ALL).getStatus()).isEqualTo(SelfEvaluation.Status.PUBLISHED);
    }

    Task lifecycleTask(Long id) {
        // Self-evaluation runs in the lifecycle's called process (bpmn/self-evaluation.bpmn).
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .processDefinitionKey(org.openperf.review.ProjectProcesses.SELF_EVALUATION).singleResult();
    }

    static ProjectForm.IndicatorInput row(String l1, String l2, String name, String value) {
        return new ProjectForm.IndicatorInput(l1, l2, name, null, new ProjectForm.ValueInput(value), null, null, null);
    }

    static SelfEvaluationSubmissions.IndicatorInput input(int index, String number) {
        return new SelfEvaluationSubmissions.IndicatorInput(index, new BigDecimal(number), null, null, null, null, null);
    }
}
