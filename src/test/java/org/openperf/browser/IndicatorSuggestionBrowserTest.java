package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openperf.ProcessFixture.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openperf.kernel.Caller;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.Unit;
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
 * The project editor's suggestions from the indicator library (issue 19): a preparer of unit 982001, whose 2046 table
 * with 城镇登记就业率 was approved, types part of the name in a new row of another table, sees the entry, picks it:
 * 三级, 一级, 二级 and the typical operator with its unit are filled. Then the /indicators page finds it too.
 * Department 982 and year 2046 are this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndicatorSuggestionBrowserTest {

    static final String USER = "unit982001";
    static final Caller UNIT = new Caller(USER, List.of("unit-982001"));
    static final Caller DEPT = new Caller("d982", List.of("dept-982"));

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    Long tables() {
        Department d = departments.findByCode("982").orElseGet(() -> departments.save(new Department("982", "测试九八二局")));
        if (units.findByCode("982001").isEmpty()) {
            units.save(new Unit("982001", "测试九八二局本级", d));
        }
        if (identity.createGroupQuery().groupId("unit-982001").count() == 0) {
            Group g = identity.newGroup("unit-982001");
            g.setType("unit");
            identity.saveGroup(g);
        }
        if (identity.createUserQuery().userId(USER).count() == 0) {
            User u = identity.newUser(USER);
            u.setPassword("demo");
            identity.saveUser(u);
            identity.createMembership(USER, "unit-982001");
        }
        Long approved = projects.create(form("就业促进", row("效益指标", "社会效益指标", "城镇登记就业率", "≥95%"),
                row("产出指标", "数量指标", "职业指导人次", "≥500 人次"),
                row("满意度指标", "服务对象满意度指标", "求职者满意度", "≥90%"))).id();
        work.submit(approved, null, UNIT);
        work.complete(Approvals.current(tasks, approved).getId(), new Decision("approve", "同意", null), DEPT);
        work.complete(Approvals.current(tasks, approved).getId(), new Decision("approve", "同意", null),
                Approvals.FINANCE);
        return projects.create(form("创业扶持", row("产出指标", "数量指标", "扶持创业人数", "≥100 人"),
                row("效益指标", "社会效益指标", "创业带动就业人数", "≥300 人"),
                row("满意度指标", "服务对象满意度指标", "创业者满意度", "≥90%"))).id();
    }

    static ProjectForm form(String name, ProjectForm.IndicatorInput... indicators) {
        return new ProjectForm(2046, null, name, new ProjectForm.UnitInput("982001", null), null,
                new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "目标", List.of(),
                new ArrayList<>(List.of(indicators)));
    }

    @Test
    void typingPartOfANameSuggestsTheLibraryEntryAndPickingItFillsTheRow() throws Exception {
        Long draft = tables();
        try (Browser b = Browser.open()) {
            String base = "http://localhost:" + port;
            b.driver.get(base + "/projects/" + draft);
            b.login(USER, "demo");
            b.click(b.wait.until(ExpectedConditions.elementToBeClickable(By.id("edit"))));
            b.click(b.wait.until(ExpectedConditions.elementToBeClickable(By.id("add-row"))));
            String added = "#editor-rows tr[data-index='3']";
            WebElement name = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(added + " input[data-key=name]")));
            name.sendKeys("就业率");
            WebElement suggestion = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(added + " ul.suggestions button.suggestion")));
            assertThat(suggestion.getText()).contains("城镇登记就业率").contains("社会效益指标").contains("≥%")
                    .contains("1 张表");
            assertThat(b.driver.findElements(By.cssSelector(added + " ul.suggestions button.suggestion"))).hasSize(1);
            b.screenshot("indicator-suggestion");
            b.click(suggestion);

            WebElement row = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(added)));
            assertThat(row.findElement(By.cssSelector("input[data-key=name]")).getAttribute("value"))
                    .isEqualTo("城镇登记就业率");
            assertThat(new Select(row.findElement(By.cssSelector("select[data-key=level1]")))
                    .getFirstSelectedOption().getText()).isEqualTo("效益指标");
            assertThat(new Select(row.findElement(By.cssSelector("select[data-key=level2]")))
                    .getFirstSelectedOption().getText()).isEqualTo("社会效益指标");
            assertThat(row.findElement(By.cssSelector("input[data-key=value]")).getAttribute("value"))
                    .isEqualTo("≥%");
            b.screenshot("indicator-suggestion-picked");

            b.driver.get(base + "/indicators?q=" + java.net.URLEncoder.encode("就业", java.nio.charset.StandardCharsets.UTF_8));
            WebElement table = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("indicators")));
            assertThat(table.getText()).contains("城镇登记就业率").contains("2046 年 1 张").contains("尚无已公开自评");
            assertThat(b.driver.findElements(By.cssSelector("#indicators button.recommend"))).isEmpty();
            b.screenshot("indicators-page");
        }
    }
}
