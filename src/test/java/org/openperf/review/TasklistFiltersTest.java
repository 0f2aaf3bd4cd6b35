package org.openperf.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A reviewer tells tasks apart in Tasklist: each task is named after its project and unit, Tasklist's name search
 * finds it, and each role has its own filters in Chinese (逾期 among them), shared with that role only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistFiltersTest {

    static final int YEAR = 2064;
    static final String NAME = "人社局专户项目（任务名称测试）";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;
    @Autowired
    TaskService tasks;

    long project;

    @BeforeEach
    void aTableAtDepartmentReview() throws Exception {
        TestUnits.ensureQingdao(departments, units);
        String body = """
                {"year": %d, "name": "%s", "code": "37020024T000000099001", "unit": {"code": "402001"},
                 "budget": 12, "fiscalFunds": 12, "otherFunds": 0, "purpose": "用途", "goal": "目标",
                 "indicators": [
                   {"level1": "成本指标", "level2": "经济成本指标", "name": "培训标准", "value": "≤550 元/人天"},
                   {"level1": "产出指标", "level2": "数量指标", "name": "每期培训人数", "value": "≥40 人"},
                   {"level1": "效益指标", "level2": "社会效益指标", "name": "知晓度", "value": "≥95%%"},
                   {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度", "value": "≥90%%"}]}
                """.formatted(YEAR, NAME);
        ResponseEntity<String> created = post("admin", "/api/projects", body);
        assertThat(created.getStatusCode().is2xxSuccessful()).as(created.getBody()).isTrue();
        project = json.readTree(created.getBody()).get("id").asLong();
        assertThat(post("unit402001", "/api/projects/" + project + "/submit", "{}").getStatusCode().value())
                .isEqualTo(200);
    }

    private Task review() {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(project)).singleResult();
    }

    @Test
    void aTaskIsNamedAfterItsProjectUnitAndCode() {
        assertThat(review().getName())
                .isEqualTo("部门审核 · " + NAME + " · 青岛市人力资源和社会保障局本级 · 37020024T000000099001");
    }

    @Test
    void eachRoleHasItsFiltersAndOnlyThose() throws Exception {
        assertThat(filterNames("dept402")).contains("我的待办", "待部门审核", "逾期", "自评审核")
                .doesNotContain("待财政审核", "监控填报");
        assertThat(filterNames("finance")).contains("我的待办", "待财政审核", "逾期", "自评审核")
                .doesNotContain("待部门审核", "监控填报");
        assertThat(filterNames("unit402001")).contains("我的待办", "逾期", "监控填报")
                .doesNotContain("待部门审核", "待财政审核", "自评审核");
    }

    @Test
    void tasklistFindsTheTaskByProjectNameUnitOrCodeAndShowsItWhenOverdue() throws Exception {
        String id = review().getId();
        for (String words : List.of("任务名称测试", "人力资源和社会保障局本级", "T000000099001")) {
            assertThat(search("dept402", "待部门审核", words)).as(words).contains(id);
            assertThat(search("dept402", "我的待办", words)).as(words).contains(id);
        }
        // Not the preparer's, nor another department's.
        assertThat(search("unit402001", "我的待办", "任务名称测试")).isEmpty();
        assertThat(search("dept353", "我的待办", "任务名称测试")).isEmpty();

        // Tasklist's 流程变量 criterion on the card's unit finds it as well.
        assertThat(list("dept402", "待部门审核", "{\"processVariables\": [{\"name\": \"unitName\", \"operator\": "
                + "\"like\", \"value\": \"%人力资源和社会保障局本级%\"}]}")).contains(id);
        assertThat(list("dept402", "待部门审核", "{\"processVariables\": [{\"name\": \"unitName\", \"operator\": "
                + "\"like\", \"value\": \"%公共就业%\"}]}")).doesNotContain(id);

        assertThat(search("dept402", "逾期", "任务名称测试")).doesNotContain(id);
        tasks.setDueDate(id, new Date(System.currentTimeMillis() - 86_400_000L));
        assertThat(search("dept402", "逾期", "任务名称测试")).containsExactly(id);
    }

    /** Tasklist's cards: every filter lists the task with its unit and budget (Tasklist reads them as HAL). */
    @Test
    void everyFilterShowsUnitAndBudgetOnTheCards() throws Exception {
        String id = review().getId();
        JsonNode filters = json.readTree(http.withBasicAuth("dept402", "demo")
                .getForObject("/engine-rest/filter?resourceType=Task", String.class));
        assertThat(filters.size()).isGreaterThanOrEqualTo(4);
        for (JsonNode f : filters) {
            assertThat(f.path("properties").path("variables").toString()).as(f.get("name").asText())
                    .contains("\"unitName\"").contains("单位").contains("\"budget\"").contains("预算数");
        }
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        for (String filter : List.of("待部门审核", "我的待办")) {
            String filterId = json.readTree(http.withBasicAuth("dept402", "demo").getForObject(
                    "/engine-rest/filter?resourceType=Task&name=" + filter, String.class)).get(0).get("id").asText();
            ResponseEntity<String> r = http.withBasicAuth("dept402", "demo").postForEntity(
                    "/engine-rest/filter/" + filterId + "/list", new HttpEntity<>("{\"nameLike\": \"%任务名称测试%\"}", h),
                    String.class);
            JsonNode card = null;
            for (JsonNode t : json.readTree(r.getBody()).path("_embedded").path("task")) {
                if (t.get("id").asText().equals(id)) {
                    card = t;
                }
            }
            assertThat(card).as(filter + ": " + r.getBody()).isNotNull();
            assertThat(card.get("due").asText()).as("部门审核 has a due date").isNotBlank();
            java.util.Map<String, String> shown = new java.util.HashMap<>();
            card.path("_embedded").path("variable").forEach(v -> shown.put(v.get("name").asText(), v.get("value").asText()));
            assertThat(shown).as(filter).containsEntry("unitName", "青岛市人力资源和社会保障局本级")
                    .containsEntry("budget", "12.00 万元");
        }
    }

    /**
     * A draft whose budget or unit is edited: its cards follow in its running approval. The lifecycle keeps only the
     * year, before and after: the processes it calls read the rest from the project as they start.
     */
    @Test
    void aCardFollowsTheDraftsEditedBudgetAndUnit() throws Exception {
        String body = """
                {"year": %d, "name": "卡片随编辑更新", "unit": {"code": "%s"}, "budget": %s, "fiscalFunds": %s,
                 "otherFunds": 0, "purpose": "用途", "goal": "目标", "indicators": []}
                """;
        ResponseEntity<String> created = post("admin", "/api/projects", body.formatted(YEAR, "402001", "12", "12"));
        long draft = json.readTree(created.getBody()).get("id").asLong();
        assertThat(cardOf(draft)).containsEntry("unitName", "青岛市人力资源和社会保障局本级")
                .containsEntry("budget", "12.00 万元");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> edited = http.withBasicAuth("admin", "demo").exchange("/api/projects/" + draft,
                org.springframework.http.HttpMethod.PUT,
                new HttpEntity<>(body.formatted(YEAR, "402004", "120.5", "120.5"), h), String.class);
        assertThat(edited.getStatusCode().value()).as(edited.getBody()).isEqualTo(200);
        assertThat(cardOf(draft)).containsEntry("unitName", "青岛市公共就业和人才服务中心")
                .containsEntry("budget", "120.50 万元");
        String lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("target-lifecycle")
                .processInstanceBusinessKey(String.valueOf(draft)).singleResult().getId();
        assertThat(runtime.getVariables(lifecycle)).containsOnlyKeys("year");
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    /** The card variables of the project's approval instance (where its tasks are). */
    private java.util.Map<String, Object> cardOf(long projectId) {
        String instance = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(projectId))
                .singleResult().getProcessInstanceId();
        return runtime.getVariablesLocal(instance, List.of("unitName", "budget"));
    }

    private List<String> filterNames(String user) throws Exception {
        JsonNode list = json.readTree(http.withBasicAuth(user, "demo")
                .getForObject("/engine-rest/filter?resourceType=Task", String.class));
        List<String> names = new ArrayList<>();
        list.forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    /** Tasklist's search box: the filter's list with a name-like criterion, as the user. */
    private List<String> search(String user, String filter, String words) throws Exception {
        return list(user, filter, "{\"nameLike\": \"%" + words + "%\"}");
    }

    /** A filter's list extended by a query, as Tasklist sends it for the user. */
    private List<String> list(String user, String filter, String query) throws Exception {
        JsonNode filters = json.readTree(http.withBasicAuth(user, "demo")
                .getForObject("/engine-rest/filter?resourceType=Task&name=" + filter, String.class));
        assertThat(filters.size()).as(user + " sees " + filter).isEqualTo(1);
        ResponseEntity<String> r = post(user, "/engine-rest/filter/" + filters.get(0).get("id").asText() + "/list",
                query);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(r.getBody()).forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private ResponseEntity<String> post(String user, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(url, new HttpEntity<>(body, h), String.class);
    }
}
