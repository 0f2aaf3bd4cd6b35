package org.openperf.departments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Editing a department table through the API (PUT /api/department-targets/{id}, POST to start a draft): the whole
 * table replaced in the order sent, only while drafted, only from the version read, only by its department or
 * finance; a refused write stores nothing. Fiscal years 2091, 2095 (972 imported, 973 started here), 2096 (972)
 * and departments 972/973, which no other test uses; 2092 is DepartmentTargetBrowserTest's (the same file is
 * imported once a year, whoever imports it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DepartmentTargetEditingApiTest {

    static final String FIXTURE = "fixtures/caofeidian-2023-department.docx";
    static final String DEPT = "dept972";
    static final String OTHER_DEPT = "dept973";
    static final String UNIT = "unit972001";
    static final String OTHER_UNIT = "unit973001";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        user(DEPT, "dept-972");
        user(OTHER_DEPT, "dept-973");
        user(UNIT, "unit-972001");
        user(OTHER_UNIT, "unit-973001");
    }

    void user(String id, String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setPassword("demo");
            identity.saveUser(u);
            identity.createMembership(id, group);
        }
    }

    /** Seed 001's department part imported for the year: 21 activities, 51 indicators. */
    long imported(String user, int year, String query) throws IOException {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ClassPathResource(FIXTURE));
        body.add("year", String.valueOf(year));
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> r = http.withBasicAuth(user, "demo").postForEntity(
                "/api/imports" + (query == null ? "" : "?" + query), new HttpEntity<>(body, h), String.class);
        return ok(r).get("departmentTables").get(0).get("id").asLong();
    }

    JsonNode ok(ResponseEntity<String> r) throws IOException {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isBetween(200, 201);
        return json.readTree(r.getBody());
    }

    JsonNode get(String user, long id) throws IOException {
        return ok(http.withBasicAuth(user, "demo").getForEntity("/api/department-targets/" + id, String.class));
    }

    ResponseEntity<String> put(String user, long id, JsonNode body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange("/api/department-targets/" + id, HttpMethod.PUT,
                new HttpEntity<>(body.toString(), h), String.class);
    }

    ResponseEntity<String> post(String user, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(url, new HttpEntity<>(body, h), String.class);
    }

    String message(ResponseEntity<String> r) throws IOException {
        return json.readTree(r.getBody()).get("message").asText();
    }

    /** The table as the page sends it: the view read, with the fields the server does not take left in. */
    static ObjectNode form(JsonNode view) {
        return view.deepCopy();
    }

    /** What is stored of the table, row by row: a refused write must leave it exactly so. */
    List<String> stored(long id) {
        List<String> rows = new ArrayList<>(jdbc.queryForList("select concat(a.position, ' ', coalesce(a.code, ''), ' ',"
                + " coalesce(a.name, '')) from department_activity a where a.table_id = ? order by a.position", String.class, id));
        rows.addAll(jdbc.queryForList("select concat(a.position, '/', i.position, ' ', i.name, ' ',"
                + " coalesce(i.band_excellent, ''), ' ', coalesce(i.band_poor, '')) from department_activity_indicator i"
                + " join department_activity a on a.id = i.activity_id where a.table_id = ? order by a.position, i.position",
                String.class, id));
        rows.addAll(jdbc.queryForList("select concat(status, ' v', version, ' ', coalesce(overall_goal, ''))"
                + " from department_target_table where id = ?", String.class, id));
        return rows;
    }

    static List<String> names(JsonNode activities) {
        List<String> out = new ArrayList<>();
        activities.forEach(a -> out.add(a.get("code").asText() + " " + a.get("name").asText()));
        return out;
    }

    static List<String> indicatorNames(JsonNode activity) {
        List<String> out = new ArrayList<>();
        activity.get("indicators").forEach(i -> out.add(i.get("name").asText()));
        return out;
    }

    @Test
    void theDepartmentReordersRemovesAndEditsRowsAndTheTableIsStoredInTheOrderSent() throws IOException {
        long id = imported(DEPT, 2091, null);
        JsonNode read = get(DEPT, id);
        long version = read.get("version").asLong();
        ObjectNode body = form(read);
        ArrayNode activities = (ArrayNode) body.get("activities");
        JsonNode first = activities.get(0);
        JsonNode second = activities.get(1);
        JsonNode third = activities.get(2);
        // the second activity first, the third removed, the first's indicators reversed and its last one removed
        activities.set(0, second);
        activities.set(1, first);
        activities.remove(2);
        ArrayNode firstIndicators = (ArrayNode) first.get("indicators");
        List<JsonNode> reversed = new ArrayList<>();
        firstIndicators.forEach(reversed::add);
        java.util.Collections.reverse(reversed);
        firstIndicators.removeAll();
        reversed.subList(0, reversed.size() - 1).forEach(firstIndicators::add);
        // a band edited and an indicator added whose band does not read
        ((ObjectNode) firstIndicators.get(0).get("bands")).put("优", "≥99%");
        ObjectNode added = firstIndicators.addObject();
        added.put("name", "政策宣传次数").put("description", "全年宣传").put("weight", 5);
        added.putObject("bands").put("优", "≥九十%").put("良", "≥8次").put("中", "≥6次").put("差", "<6次");
        body.put("overallGoal", "稳就业、保民生");
        body.put("totalBudget", "1234.5");
        // another department and year named in the body are not read: the table stays where it is
        body.putObject("department").put("code", "973").put("name", "别的部门");
        body.put("year", 2099);
        body.put("status", "APPROVED");

        JsonNode saved = ok(put(DEPT, id, body));
        assertThat(saved.get("version").asLong()).isEqualTo(version + 1);
        assertThat(saved.get("department").get("code").asText()).isEqualTo("972");
        assertThat(saved.get("year").asInt()).isEqualTo(2091);
        assertThat(saved.get("status").asText()).isEqualTo("DRAFT");
        assertThat(saved.get("activityCount").asInt()).isEqualTo(20);
        List<String> expectedOrder = new ArrayList<>(names(read.get("activities")));
        expectedOrder.remove(2);
        java.util.Collections.swap(expectedOrder, 0, 1);
        assertThat(names(saved.get("activities"))).containsExactlyElementsOf(expectedOrder);
        List<String> expectedIndicators = new ArrayList<>(indicatorNames(read.get("activities").get(0)));
        java.util.Collections.reverse(expectedIndicators);
        expectedIndicators.remove(expectedIndicators.size() - 1);
        expectedIndicators.add("政策宣传次数");
        assertThat(indicatorNames(saved.get("activities").get(1))).containsExactlyElementsOf(expectedIndicators);
        assertThat(saved.get("overallGoal").asText()).isEqualTo("稳就业、保民生");
        assertThat(saved.get("totalBudget").decimalValue()).isEqualByComparingTo("1234.5");
        assertThat(saved.get("activities").get(1).get("indicators").get(0).get("bands").get("优").asText())
                .isEqualTo("≥99%");

        // the finding of the added row names its activity and its place among all the table's indicators
        int row = saved.get("activities").get(0).get("indicators").size() + expectedIndicators.size() - 1;
        JsonNode unparsed = null;
        for (JsonNode f : saved.get("findings")) {
            if (f.get("rule").asText().equals("value.band.unparsed")) {
                unparsed = f;
            }
        }
        assertThat(unparsed).as(saved.get("findings").toString()).isNotNull();
        assertThat(unparsed.get("activityIndex").asInt()).isEqualTo(1);
        assertThat(unparsed.get("indicatorIndex").asInt()).isEqualTo(row);

        // read back as saved; no table appeared for the department or year the body named
        JsonNode again = get(DEPT, id);
        assertThat(again.get("activities")).isEqualTo(saved.get("activities"));
        assertThat(http.withBasicAuth("finance", "demo").getForObject("/api/department-targets?department=973",
                String.class)).doesNotContain("\"id\":" + id + ",");

        // a second save from the version read first is stale: refused, nothing changed
        List<String> before = stored(id);
        ResponseEntity<String> stale = put(DEPT, id, form(read));
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(message(stale)).contains("已被修改").contains(DEPT).contains("重新打开");
        assertThat(stored(id)).isEqualTo(before);
        // as is a save without a version
        ObjectNode unversioned = form(again);
        unversioned.remove("version");
        ResponseEntity<String> missing = put(DEPT, id, unversioned);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(message(missing)).contains("version");
        assertThat(stored(id)).isEqualTo(before);

        // finance edits it too, from the version it read; the activity added has no indicator, a finding
        ObjectNode byFinance = form(get("finance", id));
        ((ArrayNode) byFinance.get("activities")).addObject().put("code", "9901").put("name", "新增活动");
        JsonNode financeSaved = ok(put("finance", id, byFinance));
        assertThat(financeSaved.get("activityCount").asInt()).isEqualTo(21);
        assertThat(financeSaved.get("findings").findValuesAsText("rule")).contains("activity.indicators.missing");
        JsonNode missingIndicators = null;
        for (JsonNode f : financeSaved.get("findings")) {
            if (f.get("rule").asText().equals("activity.indicators.missing")) {
                missingIndicators = f;
            }
        }
        assertThat(missingIndicators.get("activityIndex").asInt()).isEqualTo(20);
        assertThat(missingIndicators.has("indicatorIndex")).isFalse();
    }

    @Test
    void badInputIsRefusedNamingItsRowAndNothingIsStored() throws IOException {
        // department 973's draft of 2095, started without a file (the fixture's import of a year is the browser
        // test's or another test's here: a file is imported once a year) and filled in: four activities of two rows
        JsonNode created = ok(post(OTHER_DEPT, "/api/department-targets", "{\"year\":2095}"));
        long id = created.get("id").asLong();
        ObjectNode filled = form(created);
        for (int k = 1; k <= 4; k++) {
            ObjectNode activity = ((ArrayNode) filled.get("activities")).addObject();
            activity.put("code", "010" + k).put("name", "活动" + k);
            ArrayNode indicators = activity.putArray("indicators");
            for (int i = 1; i <= 2; i++) {
                ObjectNode indicator = indicators.addObject().put("name", "指标" + k + "-" + i);
                indicator.putObject("bands").put("优", "100%").put("良", "≥90%").put("中", "≥80%").put("差", "<80%");
            }
        }
        ok(put(OTHER_DEPT, id, filled));
        List<String> before = stored(id);
        JsonNode read = get(OTHER_DEPT, id);

        ObjectNode blankName = form(read);
        ((ObjectNode) blankName.get("activities").get(3).get("indicators").get(1)).put("name", "  ");
        ResponseEntity<String> r = put(OTHER_DEPT, id, blankName);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(message(r)).isEqualTo("第4个活动第2个指标：指标名称不能为空");

        ObjectNode several = form(read);
        ((ObjectNode) several.get("activities").get(0).get("indicators").get(0).get("bands")).put("excellent", "100%");
        ((ObjectNode) several.get("activities").get(1)).put("name", "长".repeat(501));
        ((ObjectNode) several.get("activities").get(1).get("indicators").get(0)).put("weight", -1);
        several.remove("goals");
        r = put(OTHER_DEPT, id, several);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(message(r)).startsWith("有 4 处无法保存")
                .contains("第1个活动第1个指标：评分档只能是 优、良、中、差，不能是“excellent”")
                .contains("第2个活动：活动名称长 501 字，超过可保存的 500 字上限")
                .contains("第2个活动第1个指标：权重不能为负数")
                .contains("缺少分项绩效目标 goals");
        assertThat(json.readTree(r.getBody()).get("problems")).hasSize(4);

        ObjectNode notJson = form(read);
        notJson.put("version", "最新");
        assertThat(put(OTHER_DEPT, id, notJson).getStatusCode().value()).isEqualTo(400);

        assertThat(stored(id)).isEqualTo(before);
        assertThat(get(OTHER_DEPT, id).get("version").asLong()).isEqualTo(read.get("version").asLong());
    }

    @Test
    void onlyTheDepartmentAndFinanceChangeADraftAndNobodyAnApprovedTableAndThePageShowsItSo() throws IOException {
        long draft = imported(DEPT, 2095, null);
        long approved = imported("finance", 2096, "department=972&approved=true");
        JsonNode draftRead = get(DEPT, draft);
        JsonNode approvedRead = get(DEPT, approved);
        List<String> draftBefore = stored(draft);
        List<String> approvedBefore = stored(approved);

        // another department's table answers as a missing one, for the draft and the approved table alike
        for (long id : new long[] {draft, approved}) {
            ResponseEntity<String> foreign = put(OTHER_DEPT, id, form(draftRead));
            assertThat(foreign.getStatusCode().value()).isEqualTo(404);
            assertThat(message(foreign)).isEqualTo("部门整体绩效目标 " + id + " 不存在");
            assertThat(post(OTHER_DEPT, "/api/department-targets/" + id + "/check", form(draftRead).toString())
                    .getStatusCode().value()).isEqualTo(404);
        }
        // a unit: its department's draft is not its to see; the approved one it reads but may not change
        assertThat(put(UNIT, draft, form(draftRead)).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> unit = put(UNIT, approved, form(approvedRead));
        assertThat(unit.getStatusCode().value()).isEqualTo(403);
        assertThat(message(unit)).contains("预算单位只能查看");
        assertThat(put(OTHER_UNIT, approved, form(approvedRead)).getStatusCode().value()).isEqualTo(404);

        // the department's own approved table: frozen
        ResponseEntity<String> frozen = put(DEPT, approved, form(approvedRead));
        assertThat(frozen.getStatusCode().value()).isEqualTo(409);
        assertThat(message(frozen)).isEqualTo("主管部门 972 的 2096 年度部门整体绩效目标当前状态为已批复，只有编制中的可以修改");
        assertThat(put("finance", approved, form(approvedRead)).getStatusCode().value()).isEqualTo(409);

        assertThat(stored(draft)).isEqualTo(draftBefore);
        assertThat(stored(approved)).isEqualTo(approvedBefore);

        thePageShowsATableToThoseWhoMaySeeItAndTheEditorToThoseWhoMayChangeIt();
    }

    @Test
    void aDepartmentStartsAnEmptyDraftWithoutAFileAndFillsItIn() throws IOException {
        // department 973's table of 2091: not started by another department, nor by a unit, nor twice
        assertThat(post(DEPT, "/api/department-targets", "{\"department\":\"973\",\"year\":2091}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(post(OTHER_UNIT, "/api/department-targets", "{\"year\":2091}").getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<String> noDepartment = post("finance", "/api/department-targets", "{\"year\":2091}");
        assertThat(noDepartment.getStatusCode().value()).isEqualTo(400);
        assertThat(message(noDepartment)).contains("department");
        assertThat(post(OTHER_DEPT, "/api/department-targets", "{}").getStatusCode().value()).isEqualTo(400);
        assertThat(http.withBasicAuth("finance", "demo").getForObject(
                "/api/department-targets?year=2091&department=973", String.class)).isEqualTo("[]");

        JsonNode created = ok(post(OTHER_DEPT, "/api/department-targets", "{\"year\":2091}"));
        assertThat(created.get("department").get("code").asText()).isEqualTo("973");
        assertThat(created.get("year").asInt()).isEqualTo(2091);
        assertThat(created.get("status").asText()).isEqualTo("DRAFT");
        assertThat(created.get("activities")).isEmpty();
        ResponseEntity<String> twice = post("finance", "/api/department-targets",
                "{\"department\":\"973\",\"year\":2091}");
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(message(twice)).contains("已存在");

        long id = created.get("id").asLong();
        ObjectNode body = form(created);
        ObjectNode activity = ((ArrayNode) body.get("activities")).addObject();
        activity.put("code", "0101").put("name", "就业扶持").put("budgetYear", 2091);
        ObjectNode indicator = activity.putArray("indicators").addObject();
        indicator.put("name", "城镇新增就业人数");
        indicator.putObject("bands").put("优", "≥8000人").put("良", "≥7000人").put("中", "≥6000人").put("差", "<6000人");
        ((ArrayNode) body.get("goals")).addObject().put("title", "就业工作目标").put("goal", "稳就业");
        JsonNode saved = ok(put(OTHER_DEPT, id, body));
        assertThat(saved.get("indicatorCount").asInt()).isEqualTo(1);
        assertThat(saved.get("goals").get(0).get("title").asText()).isEqualTo("就业工作目标");
        assertThat(saved.get("findings").findValuesAsText("severity")).doesNotContain("ERROR");

        // what is typed is shown as text on the page, never run: not in the table, not in the editor's data
        ObjectNode hostile = form(saved);
        ((ObjectNode) hostile.get("activities").get(0)).put("name", "</script><script>alert(1)</script>");
        ok(put(OTHER_DEPT, id, hostile));
        String page = page(OTHER_DEPT, "/departments/973/targets/2091").getBody();
        assertThat(page).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("\\u003c/script>\\u003cscript>alert(1)");
    }

    /** The page of the tables of {@link #onlyTheDepartmentAndFinanceChangeADraftAndNobodyAnApprovedTableAndThePageShowsItSo}. */
    void thePageShowsATableToThoseWhoMaySeeItAndTheEditorToThoseWhoMayChangeIt() {
        ResponseEntity<String> draft = page(DEPT, "/departments/972/targets/2095");
        assertThat(draft.getStatusCode().value()).isEqualTo(200);
        assertThat(draft.getBody()).contains("一、总体绩效目标").contains("二、分项绩效目标").contains("三、活动绩效目标")
                .contains("就业创业扶持政策的制定及管理").contains("id=\"editor\"").contains("/js/department-target.js");
        // the approved table: read, not edited, by the department and by its unit
        assertThat(page(DEPT, "/departments/972/targets/2096").getBody()).contains("已批复").doesNotContain("id=\"editor\"");
        ResponseEntity<String> unit = page(UNIT, "/departments/972/targets/2096");
        assertThat(unit.getStatusCode().value()).isEqualTo(200);
        assertThat(unit.getBody()).contains("就业创业扶持政策的制定及管理").doesNotContain("id=\"editor\"");
        // what the caller may not see answers as a missing table
        ResponseEntity<String> missing = page(OTHER_DEPT, "/departments/972/targets/1999");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        for (String[] refused : new String[][] {{OTHER_DEPT, "2095"}, {OTHER_DEPT, "2096"}, {UNIT, "2095"},
                {OTHER_UNIT, "2096"}}) {
            ResponseEntity<String> r = page(refused[0], "/departments/972/targets/" + refused[1]);
            assertThat(r.getStatusCode().value()).as(refused[0] + " " + refused[1]).isEqualTo(404);
            assertThat(r.getBody()).contains("主管部门 972 的 " + refused[1] + " 年度部门整体绩效目标不存在");
        }
        // the list page links the tables the caller may see
        assertThat(page(UNIT, "/departments/targets?department=972").getBody())
                .contains("/departments/972/targets/2096").doesNotContain("/departments/972/targets/2095");
    }

    ResponseEntity<String> page(String user, String url) {
        HttpHeaders h = new HttpHeaders();
        h.setAccept(List.of(MediaType.TEXT_HTML));
        return http.withBasicAuth(user, "demo").exchange(url, HttpMethod.GET, new HttpEntity<>(h), String.class);
    }
}
