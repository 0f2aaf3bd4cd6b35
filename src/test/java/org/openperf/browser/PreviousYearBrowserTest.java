package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openperf.ProcessFixture.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.PreviousProjects;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.UnitRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * 上年项目 on the target table page (issue 19): the preparer of unit 402001 sees which 2059 project the 2060 table
 * continues (by 项目编码) and matches a renamed indicator by hand; the link is stored with who made it, and can be
 * taken back. Years 2059 and 2060 are this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PreviousYearBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProjectService projects;
    @Autowired
    PreviousProjects previous;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    static ProjectForm form(int year, String name, String awareness) {
        return new ProjectForm(year, "PY-2059-1", name, new ProjectForm.UnitInput("402001", null), null,
                new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "目标", List.of(),
                new ArrayList<>(List.of(row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                        row("效益指标", "社会效益指标", awareness, "≥95%"),
                        row("满意度指标", "服务对象满意度指标", "满意度", "≥90%"))));
    }

    @Test
    void thePreparerSeesLastYearsProjectAndMatchesARenamedIndicatorByHand() throws Exception {
        TestUnits.ensureQingdao(departments, units);
        Long last = projects.create(form(2059, "2059年 技能培训补贴", "知晓度")).id();
        Long id = projects.create(form(2060, "2060年 技能培训补贴", "政策知晓率")).id();
        try (Browser b = Browser.open()) {
            b.driver.get("http://localhost:" + port + "/projects/" + id);
            b.login("unit402001", "demo");
            WebElement link = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("previous-link")));
            b.wait.until(ExpectedConditions.textToBePresentInElement(link, "按项目编码自动关联"));
            assertThat(link.getText()).contains("2059 年度").contains("2059年 技能培训补贴").contains("项目编号 " + last);

            new Select(b.driver.findElement(By.id("link-name"))).selectByVisibleText("政策知晓率");
            b.enter(b.driver.findElement(By.id("link-previous")), "知晓度");
            b.click(b.driver.findElement(By.cssSelector("#indicator-link-form button[type=submit]")));
            WebElement links = b.driver.findElement(By.id("indicator-links"));
            b.wait.until(ExpectedConditions.textToBePresentInElement(links, "unit402001"));
            assertThat(links.getText()).contains("政策知晓率").contains("知晓度");
            assertThat(previous.indicatorLinks(id)).containsEntry("政策知晓率", "知晓度");
            b.screenshot("previous-year");

            // A name last year's table does not have is refused, naming it; nothing stored.
            b.enter(b.driver.findElement(By.id("link-previous")), "不存在的指标");
            b.click(b.driver.findElement(By.cssSelector("#indicator-link-form button[type=submit]")));
            WebElement message = b.driver.findElement(By.id("previous-message"));
            b.wait.until(ExpectedConditions.textToBePresentInElement(message, "没有三级指标“不存在的指标”"));
            assertThat(previous.indicatorLinks(id)).containsExactlyEntriesOf(java.util.Map.of("政策知晓率", "知晓度"));

            b.click(b.driver.findElement(By.cssSelector("#indicator-links button")));
            b.wait.until(ExpectedConditions.textToBePresentInElement(links, "没有手工关联的指标"));
            assertThat(previous.indicatorLinks(id)).isEmpty();
        }
    }
}
