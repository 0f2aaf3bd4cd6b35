package org.openperf.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.review.Approvals;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.UnitRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A department reviewer with thirty tables to review works through them in Tasklist: each card says which
 * project and unit it is, its budget and when it is due; the search box finds one project by its name; the 逾期
 * filter shows the one that is overdue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistCardsBrowserTest {

    static final int YEAR = 2088;
    static final int COUNT = 30;
    /** Every project's name starts so; the numbers make each name unique and no name a part of another. */
    static final String PREFIX = "卡片审核项目";
    static final String OVERDUE = PREFIX + "第07号";
    static final String SOUGHT = PREFIX + "第23号";
    static final Map<String, String> UNIT_NAMES = Map.of(
            "402001", "青岛市人力资源和社会保障局本级", "402004", "青岛市公共就业和人才服务中心");

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
    org.springframework.boot.test.web.client.TestRestTemplate http;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** Project name → what its card must show besides the name: unit and budget. */
    final Map<String, List<String>> expected = new HashMap<>();

    @BeforeEach
    void thirtyTablesAtDepartmentReview() {
        TestUnits.ensureQingdao(departments, units);
        for (int i = 1; i <= COUNT; i++) {
            String name = PREFIX + "第%02d号".formatted(i);
            String unit = i % 2 == 0 ? "402004" : "402001";
            BigDecimal budget = new BigDecimal(10 * i).add(new BigDecimal("0.5"));
            long id = projects.create(table(name, unit, budget)).id();
            work.submit(id, "请审核", i % 2 == 0 ? Approvals.OTHER_UNIT : Approvals.UNIT);
            expected.put(name, List.of(UNIT_NAMES.get(unit), budget.setScale(2) + " 万元"));
            if (name.equals(OVERDUE)) {
                // Reviews are due ten days after they arrive; this one arrived long ago.
                tasks.setDueDate(Approvals.current(tasks, id).getId(), new Date(System.currentTimeMillis() - 3 * 86_400_000L));
            }
        }
    }

    static ProjectForm table(String name, String unit, BigDecimal budget) {
        return new ProjectForm(YEAR, null, name, new ProjectForm.UnitInput(unit, null), null, budget, budget,
                BigDecimal.ZERO, null, "用于组织就业培训", "提高培训质量", List.of(), List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")));
    }

    static ProjectForm.IndicatorInput row(String l1, String l2, String name, String value) {
        return new ProjectForm.IndicatorInput(l1, l2, name, null, new ProjectForm.ValueInput(value), null, null, null);
    }

    @Test
    void cardsShowProjectUnitBudgetAndDueDateSearchFindsAProjectAndOverdueShowsTheLateOne() throws Exception {
        try (Browser b = Browser.open()) {
          try {
            b.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
            b.wait.until(ExpectedConditions.urlContains("/login"));
            b.login("dept402", "demo");
            b.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
            openFilter(b, "待部门审核");

            // All thirty, in two pages of fifteen: the search box narrows the list to this test's projects.
            search(b, PREFIX);
            Map<String, String> cards = new HashMap<>(cards(b, 15));
            b.screenshot("tasklist-cards");
            b.click(b.driver.findElement(By.xpath("//ul[contains(@class,'pagination')]//a[normalize-space()='2']")));
            // Read page two in the same look that shows it whole (fifteen, none of page one's): a busy browser
            // redraws the list in steps, and a second read could catch it mid-way.
            Map<String, String> second = new HashMap<>();
            b.wait.until(d -> {
                Map<String, String> now = cards(d);
                if (now.size() < 15 || !java.util.Collections.disjoint(now.keySet(), cards.keySet())) {
                    return false;
                }
                second.putAll(now);
                return true;
            });
            cards.putAll(second);
            assertThat(cards.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((name, shown) -> assertThat(cards.get(name)).as(name)
                    .contains(shown.get(0)).contains("单位").contains(shown.get(1)).contains("预算数").contains("到期"));

            // One project by its name: only it among the thirty.
            search(b, SOUGHT);
            b.wait.until(d -> cards(d).keySet().equals(java.util.Set.of(SOUGHT)));
            assertThat(cards(b, 1).get(SOUGHT)).contains(expected.get(SOUGHT).get(0));
            b.screenshot("tasklist-search");

            // 逾期: the late one, none of the others.
            clearSearch(b);
            openFilter(b, "逾期");
            b.wait.until(d -> cards(d).containsKey(OVERDUE));
            assertThat(cards(b).keySet()).filteredOn(n -> n.startsWith(PREFIX)).containsExactly(OVERDUE);
            Path shot = b.screenshot("tasklist-overdue");
            assertThat(Files.size(shot)).isPositive();
            assertThat(b.driver.findElement(By.cssSelector(".tasks-list .due-date.overdue")).getText()).contains("到期");
          } catch (RuntimeException | AssertionError e) {
            b.screenshot("tasklist-cards-failure");
            Files.writeString(Path.of("target", "screenshots", "tasklist-cards-failure.html"), b.driver.getPageSource());
            throw e;
          }
        }
    }

    /**
     * Opens one of the user's filters by a deep link, loaded as a whole page (a click on a filter can race
     * Tasklist's own first routing, which picks the default filter), and waits until it is the one shown.
     */
    void openFilter(Browser b, String name) throws Exception {
        String id = json.readTree(http.withBasicAuth("dept402", "demo").getForObject(
                "/engine-rest/filter?resourceType=Task&name=" + name, String.class)).get(0).get("id").asText();
        b.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + id);
        // On a loaded machine Tasklist can hang on its first load: reload, as a user would, up to twice.
        for (int attempt = 1; ; attempt++) {
            b.driver.navigate().refresh();
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(40))
                        .until(d -> d.findElements(By.cssSelector(".task-filter.active")).stream()
                                .anyMatch(f -> f.getText().startsWith(name)));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Types into Tasklist's search box: the default criterion is the task's name, with 包含 (like). */
    static void search(Browser b, String words) {
        clearSearch(b);
        WebElement input = b.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".tasks-list input.main-field")));
        input.click();
        input.sendKeys(words);
        input.sendKeys(Keys.ENTER);
        b.wait.until(d -> !d.findElements(By.cssSelector(".tasks-list .search-label")).isEmpty());
    }

    static void clearSearch(Browser b) {
        for (WebElement remove : b.driver.findElements(
                By.cssSelector(".tasks-list .search-label > a[ng-click='onDelete()']"))) {
            b.click(remove);
        }
    }

    /** Waits for at least {@code atLeast} cards, then reads them: project name (the task name's second part) → text. */
    static Map<String, String> cards(Browser b, int atLeast) {
        b.wait.until(d -> cards(d).size() >= atLeast);
        return cards(b.driver);
    }

    static Map<String, String> cards(Browser b) {
        return cards(b.driver);
    }

    static Map<String, String> cards(WebDriver d) {
        Map<String, String> out = new HashMap<>();
        List<WebElement> items = new ArrayList<>(d.findElements(By.cssSelector(".tasks-list li[ng-repeat='(delta, task) in tasks']")));
        for (WebElement li : items) {
            try {
                String title = li.findElement(By.cssSelector("h4.task")).getText();
                String[] parts = title.split(" · ");
                if (parts.length > 1) {
                    out.put(parts[1].strip(), li.getText());
                }
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return Map.of(); // the list is being redrawn: read it again
            }
        }
        return out;
    }
}
