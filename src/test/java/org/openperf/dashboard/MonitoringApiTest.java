package org.openperf.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openperf.TestUnits;
import org.openperf.monitoring.Milestones;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code GET /api/monitoring} over six 2041 projects of department 402, as finance, the department and a unit see
 * them: light counts, the planned vs actual curve (one project and the budget-weighted total), the red list with
 * the unit's 偏差说明, and scoping (unit402004 never sees unit402001's projects).
 *
 * <pre>
 * project          unit    budget  plan             readings                      light
 * 看板红灯项目      402001  100     3:30 6:60 10:90  6/30 30 (30% of 60%: v 50)     red
 * 看板黄灯项目      402001  200     linear           6/30 70 (35% of 50%: v 70)     yellow
 * 看板草稿项目      402001  80      —                (a draft: not monitored)       —
 * 看板绿灯项目      402004  100     linear           6/30 50 (50% of 50%: v 100)    green
 * 看板未监控项目    402004  50      linear           none                          未监控
 * 看板偏差说明项目  402004  100     linear           3/31 10 → 3月底 milestone red (v 40), explained;
 *                                                    6/30 45 (v 90, green now): red stays, the milestone's
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringApiTest {

    static final int YEAR = 2041;
    static final String PLAN = """
            {"month": 3, "cumulativePercent": 30}, {"month": 6, "cumulativePercent": 60},
            {"month": 10, "cumulativePercent": 90}, {"month": 12, "cumulativePercent": 100}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    ApiProjects api;
    long red;
    long yellow;
    long draft;
    long green;
    long unmonitored;
    long explained;

    @BeforeAll
    void projects() throws IOException {
        TestUnits.ensureQingdao(departments, units);
        if (departments.findByCode("353").isEmpty()) {
            departments.save(new Department("353", "天津市人力资源和社会保障局"));
        }
        api = new ApiProjects(http, json);
        red = api.approved(ApiProjects.table(YEAR, "402001", "看板红灯项目", "100", PLAN), "unit402001", YEAR);
        yellow = api.approved(ApiProjects.table(YEAR, "402001", "看板黄灯项目", "200", ""), "unit402001", YEAR);
        draft = api.draft(ApiProjects.table(YEAR, "402001", "看板草稿项目", "80", ""));
        green = api.approved(ApiProjects.table(YEAR, "402004", "看板绿灯项目", "100", ""), "unit402004", YEAR);
        unmonitored = api.approved(ApiProjects.table(YEAR, "402004", "看板未监控项目", "50", ""), "unit402004", YEAR);
        api.spent("unit402001", red, "2041-06-30", "30");
        api.spent("finance", yellow, "2041-06-30", "70");
        api.spent("unit402004", green, "2041-06-30", "50");
        explained = explainedAtMarch();
        api.spent("unit402004", explained, "2041-06-30", "45");
    }

    /** Approved on 1 February, 10 spent by 3月底 (40% of the 25% due: red); the unit explains, dept402 approves. */
    long explainedAtMarch() throws IOException {
        try {
            ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 2, 1).atStartOfDay(Milestones.ZONE).toInstant()));
            long id = api.approved(ApiProjects.table(YEAR, "402004", "看板偏差说明项目", "100", ""), "unit402004", YEAR);
            api.spent("unit402004", id, "2041-03-31", "10");
            String instance = runtime.createProcessInstanceQuery().processDefinitionKey("target-monitoring")
                    .processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();
            Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
            assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2041-03-31T16:00:00Z"));
            ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
            management.executeJob(timer.getId());
            Task explain = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            assertThat(explain.getTaskDefinitionKey()).isEqualTo("UserTask_DeviationExplanation");
            tasks.complete(explain.getId(), Map.of("deviationReasons", List.of("经费保障", "其他"),
                    "deviationText", "培训场地招标延后", "measures", "7月完成招标后集中支付"));
            Task review = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            tasks.claim(review.getId(), "dept402");
            tasks.complete(review.getId(), Map.of("decision", "approve", "comment", "同意"));
            return id;
        } finally {
            ClockUtil.reset();
        }
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    JsonNode overview(String user, String query) throws IOException {
        return api.getJson(user, "/api/monitoring?year=" + YEAR + query);
    }

    /** Every row the project search finds for the user (one page of 200). */
    JsonNode projectRows(String user, String query) throws IOException {
        JsonNode page = api.getJson(user, "/api/monitoring/projects?size=200&year=" + YEAR + query);
        assertThat(page.get("rows")).hasSize(page.get("total").asInt());
        return page.get("rows");
    }

    static List<String> names(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    static List<Double> numbers(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
        return values;
    }

    @Test
    void financeSeesTheDepartmentsLightCountsWithUnmonitoredProjectsAndNoDrafts() throws IOException {
        JsonNode o = overview("finance", "");
        assertThat(o.get("year").asInt()).isEqualTo(YEAR);
        assertThat(numbers(o.get("years"))).contains((double) YEAR);
        assertThat(o.get("departments")).hasSize(1);
        JsonNode d = o.get("departments").get(0);
        assertThat(d.get("code").asText()).isEqualTo("402");
        assertThat(d.get("name").asText()).isEqualTo("青岛市人力资源和社会保障局");
        assertThat(List.of(d.get("red").asInt(), d.get("yellow").asInt(), d.get("green").asInt(),
                d.get("blue").asInt(), d.get("unmonitored").asInt(), d.get("total").asInt()))
                .containsExactly(2, 1, 1, 0, 1, 5);
        JsonNode rows = projectRows("finance", "");
        assertThat(names(rows)).doesNotContain("看板草稿项目").hasSize(5);
        for (JsonNode r : rows) {
            String expected = switch (r.get("name").asText()) {
                case "看板红灯项目", "看板偏差说明项目" -> "红灯";
                case "看板黄灯项目" -> "黄灯";
                case "看板绿灯项目" -> "绿灯";
                default -> "未监控";
            };
            assertThat(r.get("lightLabel").asText()).as(r.get("name").asText()).isEqualTo(expected);
        }
    }

    @Test
    void theRedListShowsTheNumbersThatMadeItRedAndTheUnitsReasons() throws IOException {
        JsonNode redList = overview("dept402", "&department=402").get("redProjects");
        // The furthest behind first: 40% of schedule at 3月底, then 50% at 6月底.
        assertThat(names(redList)).containsExactly("看板偏差说明项目", "看板红灯项目");

        JsonNode march = redList.get(0);
        assertThat(march.get("unit").get("code").asText()).isEqualTo("402004");
        assertThat(march.get("budget").decimalValue()).isEqualByComparingTo("100");
        // Spending caught up by June (45% of 50%: green), but the 3月底 milestone was red: the worst counts.
        assertThat(march.get("spent").decimalValue()).isEqualByComparingTo("10");
        assertThat(march.get("executionRate").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(march.get("plannedPercent").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(march.get("ratio").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(march.get("source").asText()).isEqualTo("3月底监控节点");
        JsonNode reasons = march.get("reasons");
        assertThat(reasons.get("month").asInt()).isEqualTo(3);
        assertThat(reasons.get("categories").asText()).isEqualTo("经费保障、其他");
        assertThat(reasons.get("text").asText()).isEqualTo("培训场地招标延后");
        assertThat(reasons.get("measures").asText()).isEqualTo("7月完成招标后集中支付");
        assertThat(reasons.get("reviewDecision").asText()).isEqualTo("approve");

        JsonNode june = redList.get(1);
        assertThat(june.get("unit").get("name").asText()).isEqualTo("青岛市人力资源和社会保障局本级");
        assertThat(june.get("spent").decimalValue()).isEqualByComparingTo("30");
        assertThat(june.get("executionRate").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(june.get("plannedPercent").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(june.get("ratio").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(june.get("asOf").asText()).isEqualTo("2041-06-30");
        assertThat(june.get("explanation").asText()).contains("红灯");
        assertThat(june.has("reasons")).isFalse();
    }

    @Test
    void theCurveOfOneProjectFollowsItsPlanAndItsReadings() throws IOException {
        JsonNode o = overview("unit402001", "&project=" + red);
        assertThat(o.get("project").get("name").asText()).isEqualTo("看板红灯项目");
        JsonNode curve = o.get("curve");
        assertThat(curve.get("title").asText()).isEqualTo("看板红灯项目");
        assertThat(numbers(curve.get("months"))).hasSize(12);
        // The plan at its months, the straight line between them (from 0% on 1 January).
        assertThat(numbers(curve.get("planned")))
                .containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 67.5, 75.0, 82.5, 90.0, 95.0, 100.0);
        // Nothing reported before June counts 0, as at a milestone; after the latest reading nothing is known yet.
        assertThat(numbers(curve.get("actual")))
                .containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 30.0, null, null, null, null, null, null);
        assertThat(curve.get("asOfMonth").asInt()).isEqualTo(6);
    }

    @Test
    void theDepartmentsCurveIsWeightedByBudget() throws IOException {
        JsonNode curve = overview("dept402", "&department=402").get("curve");
        assertThat(curve.get("title").asText()).isEqualTo("青岛市人力资源和社会保障局 合计");
        assertThat(curve.get("budget").decimalValue()).isEqualByComparingTo("550");
        assertThat(curve.get("projectCount").asInt()).isEqualTo(5);
        List<Double> planned = numbers(curve.get("planned"));
        // 3月底: (100×30 + 200×25 + 100×25 + 50×25 + 100×25) ÷ 550 = 25.909…; 6月底: 28500 ÷ 550 = 51.818…
        assertThat(planned.get(2)).isEqualTo(25.91);
        assertThat(planned.get(5)).isEqualTo(51.82);
        assertThat(planned.get(11)).isEqualTo(100.0);
        List<Double> actual = numbers(curve.get("actual"));
        // 3月底: only 10 spent of 550; 6月底: 30 + 70 + 50 + 0 + 45 = 195 of 550.
        assertThat(actual.get(2)).isEqualTo(1.82);
        assertThat(actual.get(5)).isEqualTo(35.45);
        assertThat(actual.subList(6, 12)).containsOnlyNulls();
        assertThat(curve.get("actualAmount").get(5).decimalValue()).isEqualByComparingTo("195");
    }

    @Test
    void aUnitSeesOnlyItsOwnProjects() throws IOException {
        ResponseEntity<String> raw = api.get("unit402004", "/api/monitoring?year=" + YEAR);
        assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(raw.getBody()).doesNotContain("看板红灯项目").doesNotContain("看板黄灯项目")
                .doesNotContain("本级");
        JsonNode o = json.readTree(raw.getBody());
        JsonNode d = o.get("departments").get(0);
        assertThat(List.of(d.get("red").asInt(), d.get("green").asInt(), d.get("unmonitored").asInt(),
                d.get("total").asInt())).containsExactly(1, 1, 1, 3);
        assertThat(names(o.get("redProjects"))).containsExactly("看板偏差说明项目");
        assertThat(names(projectRows("unit402004", ""))).containsExactlyInAnyOrder("看板绿灯项目", "看板未监控项目",
                "看板偏差说明项目");
        assertThat(o.get("curve").get("title").asText()).isEqualTo("青岛市公共就业和人才服务中心 合计");
        assertThat(o.get("curve").get("budget").decimalValue()).isEqualByComparingTo("250");

        // Another unit's project answers as if it did not exist, for the curve and for its 监控表.
        assertThat(api.get("unit402004", "/api/monitoring?year=" + YEAR + "&project=" + red).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("unit402004", "/api/projects/" + red + "/monitoring/export.xlsx").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // And the other way round.
        assertThat(names(projectRows("unit402001", ""))).containsExactlyInAnyOrder("看板红灯项目", "看板黄灯项目");
    }

    @Test
    void theProjectSearchFindsByNameOrCodeFiltersByLightAndPages() throws IOException {
        assertThat(names(projectRows("finance", "&q=偏差说明"))).containsExactly("看板偏差说明项目");
        // 未监控 is a light to filter by, too; a filter and a search together narrow both ways.
        assertThat(names(projectRows("finance", "&light=NONE"))).containsExactly("看板未监控项目");
        assertThat(names(projectRows("finance", "&light=RED"))).containsExactlyInAnyOrder("看板红灯项目", "看板偏差说明项目");
        assertThat(names(projectRows("finance", "&light=RED&q=红灯"))).containsExactly("看板红灯项目");
        // Characters that mean something to LIKE are searched for as themselves.
        assertThat(projectRows("finance", "&q=%25")).isEmpty();
        assertThat(projectRows("finance", "&q=_")).isEmpty();
        // Pages of two in department, unit and name order add up to the whole list, each row once.
        List<String> all = names(projectRows("finance", ""));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode p = api.getJson("finance", "/api/monitoring/projects?size=2&year=" + YEAR + "&page=" + page);
            assertThat(p.get("total").asInt()).isEqualTo(5);
            paged.addAll(names(p.get("rows")));
        }
        assertThat(paged).isEqualTo(all);
        // A unit's search never reaches another unit's projects.
        assertThat(projectRows("unit402004", "&q=看板红灯")).isEmpty();
    }

    @Test
    void theProjectSearchNamesWhatIsWrongWithItsParameters() throws IOException {
        for (String[] bad : new String[][] {{"&light=PURPLE", "light 须为 RED、YELLOW、GREEN、BLUE、NONE 之一，收到 PURPLE"},
                {"&size=201", "size 须在 1 到 200 之间，收到 201"}, {"&page=-1", "page 须在 0 到 1000000 之间，收到 -1"},
                {"&page=2000000000", "page 须在 0 到 1000000 之间，收到 2000000000"},
                {"&department=999", "主管部门编码 999 不存在"}, {"&q=" + "项".repeat(101), "搜索内容 q 不能超过 100 个字"}}) {
            ResponseEntity<String> r = api.get("finance", "/api/monitoring/projects?year=" + YEAR + bad[0]);
            assertThat(r.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(r.getBody()).get("message").asText()).isEqualTo(bad[1]);
        }
    }

    @Test
    void badParametersGetAClearMessage() throws IOException {
        ResponseEntity<String> unknown = api.get("finance", "/api/monitoring?year=" + YEAR + "&department=999");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(unknown.getBody()).get("message").asText()).isEqualTo("主管部门编码 999 不存在");
        ResponseEntity<String> notApproved = api.get("finance", "/api/monitoring?year=" + YEAR + "&project=" + draft);
        assertThat(notApproved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(notApproved.getBody()).get("message").asText())
                .isEqualTo("项目“看板草稿项目”的目标表尚未批复，还没有执行监控数据");
        ResponseEntity<String> otherYear = api.get("finance", "/api/monitoring?year=2040&project=" + red);
        assertThat(json.readTree(otherYear.getBody()).get("message").asText())
                .isEqualTo("项目“看板红灯项目”属于 2041 年度，不是 2040 年度");
        ResponseEntity<String> badYear = api.get("finance", "/api/monitoring?year=二〇四一");
        assertThat(badYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badYear.getBody()).get("message").asText()).contains("year");
        // Another department's filter simply has nothing in it, and still offers the departments that have some.
        JsonNode other = overview("finance", "&department=353");
        assertThat(other.get("total").get("total").asInt()).isZero();
        assertThat(other.get("departmentOptions").findValuesAsText("code")).contains("402");
        // The options do not depend on the filter: a department picked still offers the same others to switch to.
        assertThat(other.get("departmentOptions")).isEqualTo(overview("finance", "").get("departmentOptions"));
        assertThat(overview("dept402", "&department=402").get("departmentOptions"))
                .isEqualTo(overview("dept402", "").get("departmentOptions"));
    }

    @Test
    void withoutLoginThereIsNoData() {
        assertThat(http.getForEntity("/api/monitoring?year=" + YEAR, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // A browser without a login is sent to the app's login page instead of the dashboard.
        String page = http.getForEntity("/dashboard", String.class).getBody();
        assertThat(page).contains("id=\"login-submit\"").doesNotContain("绩效运行监控看板");
    }
}
