package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openperf.ProcessFixture;
import org.openperf.TestUnits;
import org.openperf.evaluation.ScoringFiles;
import org.openperf.evaluation.SelfEvaluation;
import org.openperf.evaluation.SelfEvaluationResults;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.kernel.Scope;
import org.openperf.review.Approvals;
import org.openperf.targets.DepartmentRepository;
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
    org.springframework.context.ApplicationContext context;
    @Autowired
    SelfEvaluationRounds rounds;
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
        return ProcessFixture.of(context).approved(ProcessFixture.table(YEAR, name));
    }

    void publish(Long id, String awareness) {
        ProcessFixture.of(context).publishSelfEvaluation(id, new SelfEvaluationSubmissions.Submission(null,
                new BigDecimal("100"), "基本完成", List.of(ProcessFixture.actual(0, "500", null),
                ProcessFixture.actual(1, "40", null), ProcessFixture.actual(2, awareness, "宣传推迟到次年"),
                ProcessFixture.actual(3, "92", null))));
        assertThat(results.result(id, Scope.ALL).getStatus()).isEqualTo(SelfEvaluation.Status.PUBLISHED);
    }


}
