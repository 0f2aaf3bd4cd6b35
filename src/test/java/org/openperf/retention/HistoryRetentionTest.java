package org.openperf.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.kernel.Scope;
import org.openperf.monitoring.ExecutionService;
import org.openperf.pages.PageSession;
import org.openperf.review.Approvals;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine keeps the history of every process and decision for perf.history.keep-years (10), whatever a file
 * declares, removes it at night in Asia/Shanghai, and its cleanup leaves the app's own records alone: a finished
 * project's opinions, versions and scores stay readable after its engine history is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HistoryRetentionTest {

    /** A year no other test uses: rounds are one per year in the shared test database. */
    static final int YEAR = 2071;
    /** Ten years with their leap days. */
    static final int TEN_YEARS = 3653;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    DeployedDefinitionRetention retention;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewTasks work;
    @Autowired
    ExecutionService execution;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void setUp() {
        TestUnits.ensureQingdao(departments, units);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyDeployedProcessAndDecisionKeepsItsHistoryTenYearsButTheReminderSweep() {
        for (String key : List.of("target-lifecycle", "target-approval", "target-monitoring", "monitoring-round",
                "self-evaluation", "department-target-approval", "department-monitoring-round",
                "department-self-evaluation")) {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).list())
                    .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(key).isEqualTo(TEN_YEARS));
        }
        // The sweeps and the batch processes keep 30 days: what they did is kept by the app and the lifecycles.
        for (String key : List.of("review-reminders", "target-lifecycle-starts", "monitoring-round-delivery",
                "self-evaluation-round-delivery")) {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult().getHistoryTimeToLive()).as(key).isEqualTo(30);
        }
        assertThat(repository.createDecisionDefinitionQuery().list()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(TEN_YEARS));
    }

    @Test
    void aModelWithModelersDefaultOrWithoutARetentionIsDeployedWithTheSetting() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t" id="d">
                  <process id="retention-modeler" isExecutable="true" camunda:historyTimeToLive="180">
                    <startEvent id="s"/>
                  </process>
                  <process id="retention-none" isExecutable="true">
                    <startEvent id="s2"/>
                  </process>
                </definitions>""";
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="dd" name="d" namespace="t">
                  <decision id="retention-decision" name="d" camunda:historyTimeToLive="180">
                    <decisionTable id="t">
                      <input id="i"><inputExpression id="e" typeRef="integer"><text>x</text></inputExpression></input>
                      <output id="o" name="y" typeRef="string"/>
                      <rule id="r"><inputEntry id="ie"><text>&lt; 1</text></inputEntry>
                        <outputEntry id="oe"><text>"a"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""";
        Deployment deployment = repository.createDeployment().name("retention")
                .addInputStream("retention.bpmn", new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)))
                .addInputStream("retention.dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))
                .deploy();
        try {
            assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list())
                    .extracting(ProcessDefinition::getHistoryTimeToLive).containsExactly(TEN_YEARS, TEN_YEARS);
            assertThat(repository.createDecisionDefinitionQuery().deploymentId(deployment.getId()).list())
                    .extracting(DecisionDefinition::getHistoryTimeToLive).containsExactly(TEN_YEARS);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aDefinitionDeployedWithAnotherRetentionIsBroughtInLineAtStart() {
        ProcessDefinition approval = repository.createProcessDefinitionQuery().processDefinitionKey("target-approval")
                .latestVersion().singleResult();
        DecisionDefinition decision = repository.createDecisionDefinitionQuery().list().get(0);
        // As a database written by an older release, or before keep-years was changed, holds them.
        repository.updateProcessDefinitionHistoryTimeToLive(approval.getId(), 1825);
        repository.updateDecisionDefinitionHistoryTimeToLive(decision.getId(), 180);

        assertThat(retention.apply()).isEqualTo(2);
        assertThat(repository.getProcessDefinition(approval.getId()).getHistoryTimeToLive()).isEqualTo(TEN_YEARS);
        assertThat(repository.getDecisionDefinition(decision.getId()).getHistoryTimeToLive()).isEqualTo(TEN_YEARS);
        assertThat(retention.apply()).isZero();
    }

    @Test
    void theCleanupWindowIsOneToFiveAtNightInShanghaiWhateverTheServersZone() {
        assertThat(local(engineConfiguration.getHistoryCleanupBatchWindowStartTimeAsDate())).isEqualTo("01:00");
        assertThat(local(engineConfiguration.getHistoryCleanupBatchWindowEndTimeAsDate())).isEqualTo("05:00");
    }

    static LocalTime local(Date date) {
        return date.toInstant().atZone(SHANGHAI).toLocalTime();
    }

    @Test
    void aFinishedProjectKeepsItsOpinionsVersionsAndScoresWhenTheEngineRemovesItsHistory() throws Exception {
        Long id = projects.create(new ProjectForm(YEAR, null, "历史清理项目", new ProjectForm.UnitInput("402001", null),
                null, new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "目标",
                List.of(new ProjectView.PlanRow(12, new BigDecimal("100"))), List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")))).id();
        Approvals.approve(work, tasks, id);
        String rootId = runtime.createProcessInstanceQuery().processDefinitionKey("target-lifecycle")
                .processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();

        // The one milestone (12月底), fully spent: monitoring ends.
        execution.record(id, LocalDate.of(YEAR, 12, 31), new BigDecimal("100"), Scope.ALL, "u402001");
        String monitoringId = runtime.createProcessInstanceQuery().processDefinitionKey("target-monitoring")
                .processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();
        Job milestone = management.createJobQuery().processInstanceId(monitoringId).timers().singleResult();
        ClockUtil.setCurrentTime(Date.from(milestone.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(milestone.getId());
        ClockUtil.reset();

        ProcessDefinition lifecycle = repository.getProcessDefinition(
                history.createHistoricProcessInstanceQuery().processInstanceId(rootId).singleResult()
                        .getProcessDefinitionId());
        Integer kept = lifecycle.getHistoryTimeToLive();
        // A retention of 0 days makes this instance's history expire the moment it ends; no other test's instance
        // ends meanwhile.
        repository.updateProcessDefinitionHistoryTimeToLive(lifecycle.getId(), 0);
        try {
            // The year end through the API: finance opens the round, the unit reports, the department approves,
            // finance re-checks if the sample draws it.
            post("finance", "/api/self-evaluation-rounds", "{\"year\": " + YEAR + "}");
            post("unit402001", "/api/projects/" + id + "/self-evaluation", """
                    {"spent": 100, "goalAchievement": "全面完成", "indicators": [
                      {"index": 0, "number": 500}, {"index": 1, "number": 40},
                      {"index": 2, "number": 95}, {"index": 3, "number": 92}]}""");
            post("dept402", "/api/tasks/" + task(id).getId() + "/complete",
                    "{\"decision\": \"approve\", \"comment\": \"自评属实\"}");
            Task recheck = task(id);
            if (recheck != null) {
                post("finance", "/api/tasks/" + recheck.getId() + "/complete",
                        "{\"decision\": \"approve\", \"comment\": \"复核无异议\"}");
            }
        } finally {
            repository.updateProcessDefinitionHistoryTimeToLive(lifecycle.getId(), kept);
        }
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(rootId)
                .singleResult();
        assertThat(ended.getEndTime()).as("the lifecycle has ended").isNotNull();
        List<String> instances = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId).list()
                .stream().map(HistoricProcessInstance::getId).toList();
        assertThat(instances).as("the lifecycle and the processes it called").hasSizeGreaterThanOrEqualTo(3);
        assertThat(taskHistory(instances)).isGreaterThanOrEqualTo(4);

        String opinions = api("/api/projects/" + id + "/history");
        String versions = api("/api/projects/" + id + "/versions");
        String score = api("/api/projects/" + id + "/self-evaluation");
        assertThat(opinions).contains("自评属实");
        assertThat(versions).contains("\"version\":1");
        assertThat(score).contains("\"grade\":\"优\"").contains("100.00");
        String page = page(id);

        cleanUp(rootId);

        assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId).count())
                .as("the engine's history of the project").isZero();
        assertThat(taskHistory(instances)).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(rootId).count()).isZero();
        assertThat(api("/api/projects/" + id + "/history")).isEqualTo(opinions);
        assertThat(api("/api/projects/" + id + "/versions")).isEqualTo(versions);
        assertThat(api("/api/projects/" + id + "/self-evaluation")).isEqualTo(score);
        assertThat(page(id)).isEqualTo(page);

        // The cleanup goes back to waiting for the night: its next run is due within 01:00-05:00 in Shanghai.
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job ->
                assertThat(local(job.getDuedate())).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0)));
    }

    /** Runs the engine's history cleanup now, as it would run at night, until this instance's history is gone. */
    void cleanUp(String rootId) {
        for (int run = 0; run < 10 && history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId)
                .count() > 0; run++) {
            Job cleanup = history.cleanUpHistoryAsync(true);
            management.executeJob(cleanup.getId());
        }
    }

    long taskHistory(List<String> instances) {
        return instances.stream().mapToLong(i -> history.createHistoricTaskInstanceQuery().processInstanceId(i).count())
                .sum();
    }

    /** The project's open self-evaluation task (its lifecycle calls self-evaluation when the round opens). */
    Task task(Long id) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .processDefinitionKey("self-evaluation").singleResult();
    }

    void post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST,
                new HttpEntity<>(json, headers), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + ": " + response.getBody()).isTrue();
    }

    String api(String path) {
        ResponseEntity<String> response = http.withBasicAuth("finance", "demo").getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    String page(Long id) throws Exception {
        PageSession session = new PageSession(port);
        session.login("finance", "demo");
        HttpResponse<String> response = session.get("/projects/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        // The page carries a fresh CSRF token each time; the rest must be the same.
        return response.body().replaceAll("name=\"_csrf\" (content|value)=\"[^\"]+\"", "");
    }

    static ProjectForm.IndicatorInput row(String l1, String l2, String name, String value) {
        return new ProjectForm.IndicatorInput(l1, l2, name, null, new ProjectForm.ValueInput(value), null, null, null);
    }

}
