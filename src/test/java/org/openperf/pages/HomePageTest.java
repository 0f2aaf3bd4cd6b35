package org.openperf.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

/** 我的待办 on the home page: the reviewer's tasks, the overdue one first and marked, each linked into Tasklist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HomePageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    TaskService tasks;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    long submitted(String name) throws Exception {
        String table = """
                {"year": 2033, "name": "%s", "unit": {"code": "402001"}, "budget": 12, "fiscalFunds": 12,
                 "otherFunds": 0, "goal": "测试",
                 "indicators": [
                   {"level1": "成本指标", "level2": "经济成本指标", "name": "培训标准", "value": "≤550 元/人天"},
                   {"level1": "产出指标", "level2": "数量指标", "name": "每期培训人数", "value": "≥40 人"},
                   {"level1": "效益指标", "level2": "社会效益指标", "name": "知晓度", "value": "≥95%%"},
                   {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度", "value": "≥90%%"}]}
                """.formatted(name);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        long id = json.readTree(http.withBasicAuth("admin", "demo").postForEntity("/api/projects",
                new HttpEntity<>(table, h), String.class).getBody()).get("id").asLong();
        http.withBasicAuth("unit402001", "demo").postForEntity("/api/projects/" + id + "/submit",
                new HttpEntity<>("{}", h), String.class);
        return id;
    }

    @Test
    void overdueTasksComeFirst() throws Exception {
        submitted("待办排序项目甲");
        long late = submitted("待办排序项目乙");
        Task lateTask = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(late))
                .taskDefinitionKey("UserTask_DepartmentReview").singleResult();
        tasks.setDueDate(lateTask.getId(), new Date(System.currentTimeMillis() - 86_400_000L));

        PageSession s = new PageSession(port);
        s.login("dept402", "demo");
        String home = s.get("/").body();
        int lateAt = home.indexOf("待办排序项目乙");
        int onTimeAt = home.indexOf("待办排序项目甲");
        assertThat(lateAt).isPositive();
        assertThat(onTimeAt).isGreaterThan(lateAt);
        assertThat(home.substring(lateAt, onTimeAt)).contains("已逾期");
        assertThat(home).contains("/camunda/app/tasklist/default/#/?task=" + lateTask.getId());
        assertThat(home).contains("其中");
    }
}
