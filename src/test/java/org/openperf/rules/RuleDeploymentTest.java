package org.openperf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.TestUnits;
import org.openperf.evaluation.ScoringFiles;
import org.openperf.evaluation.SelfEvaluation;
import org.openperf.evaluation.SelfEvaluationReports;
import org.openperf.evaluation.SelfEvaluationResults;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.kernel.Scope;
import org.openperf.kernel.rules.DeployedRules;
import org.openperf.kernel.rules.RuleFiles;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.ExecutionReadingRepository;
import org.openperf.monitoring.Light;
import org.openperf.monitoring.MilestoneService;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Finance changes the rules without a release: a new version of a decision table deployed through /engine-rest
 * (as Camunda Modeler does it) decides the next light and the next grade, the evaluation is in the engine's decision
 * history with its input (what Cockpit shows), a published grade stays, and a table the app could not evaluate is
 * refused naming the table and the rule. Fiscal years 2093 and 2094. Each deployment is deleted afterwards, so the
 * tests sharing this context see the tables of bpmn/ again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RuleDeploymentTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewTasks work;
    @Autowired
    ExecutionReadingRepository readings;
    @Autowired
    MilestoneService milestones;
    @Autowired
    SelfEvaluationSubmissions submissions;
    @Autowired
    SelfEvaluationRounds rounds;
    @Autowired
    SelfEvaluationResults results;
    @Autowired
    SelfEvaluationReports reports;
    @Autowired
    DeployedRules rules;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    final List<String> deployed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        TestUnits.ensureQingdao(departments, units);
    }

    @AfterEach
    void undeploy() {
        ClockUtil.reset();
        deployed.forEach(id -> repository.deleteDeployment(id, true));
        rules.forgetLatest();
    }

    /** What Camunda Modeler's "Deploy" sends: one file to /engine-rest/deployment/create, as an administrator. */
    ResponseEntity<String> deploy(String fileName, String xml) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", fileName);
        body.add("deployment-source", "Camunda Modeler");
        body.add("data", new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> answer = http.withBasicAuth("admin", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
        if (answer.getStatusCode().is2xxSuccessful()) {
            deployed.add(read(answer.getBody()).get("id").asText());
        }
        return answer;
    }

    JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    String latestDefinition(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult()
                .getId();
    }

    /** The decision history of one table version as Cockpit reads it, with inputs and outputs. */
    JsonNode history(String definitionId) {
        return read(http.withBasicAuth("admin", "demo").getForObject("/engine-rest/history/decision-instance"
                + "?decisionDefinitionId=" + definitionId + "&includeInputs=true&includeOutputs=true", String.class));
    }

    static ProjectForm.IndicatorInput row(String l1, String l2, String name, String value) {
        return new ProjectForm.IndicatorInput(l1, l2, name, null, new ProjectForm.ValueInput(value), null, null, null);
    }

    /** A table of 100 万元 with four indicators and no weights: 成本 25, 产出 25, 效益 30, 满意度 10 by default. */
    Long approved(int year, String name, List<ProjectView.PlanRow> plan) {
        Long id = projects.create(new ProjectForm(year, null, name, new ProjectForm.UnitInput("402001", null), null,
                new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "目标", plan, List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")))).id();
        Approvals.approve(work, tasks, id);
        return id;
    }

    Job timer(Long id) {
        // The milestone timer is in the project's target-monitoring, which its lifecycle called once approved.
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("target-monitoring")
                .processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).timers().singleResult();
    }

    @Test
    void aNewExecutionLightTableDecidesTheNextMilestoneAndCockpitShowsTheEvaluation() {
        Long id = approved(2093, "新灯规则项目", List.of(new ProjectView.PlanRow(3, new BigDecimal("30")),
                new ProjectView.PlanRow(12, new BigDecimal("100"))));
        // 16.5 of 100 spent by 3月底 against 30% planned: 55% of what was due. Red by the table of bpmn/.
        readings.save(new ExecutionReading(id, LocalDate.of(2093, 3, 20), new BigDecimal("16.5"),
                ExecutionReading.Source.API, "test"));

        // The province's bands: red below 50 instead of 60.
        String fifty = RuleFiles.read("bpmn/execution-light.dmn").replace("<text>&lt; 60</text>", "<text>&lt; 50</text>")
                .replace("<text>[60..80[</text>", "<text>[50..80[</text>");
        ResponseEntity<String> answer = deploy("execution-light.dmn", fifty);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        String version2 = latestDefinition("Decision_ExecutionLight");
        assertThat(repository.getDecisionDefinition(version2).getVersion()).isGreaterThan(1);

        Job milestone = timer(id);
        ClockUtil.setCurrentTime(Date.from(milestone.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(milestone.getId());
        assertThat(milestones.results(id)).singleElement().satisfies(r -> {
            assertThat(r.getRatio()).isEqualByComparingTo("55.00");
            assertThat(r.getLight()).isEqualTo(Light.YELLOW);
        });

        JsonNode decided = history(version2);
        assertThat(decided).hasSize(1);
        assertThat(decided.get(0).get("decisionDefinitionKey").asText()).isEqualTo("Decision_ExecutionLight");
        assertThat(decided.get(0).get("inputs").get(0).get("value").asDouble()).isEqualTo(55.0);
        assertThat(decided.get(0).get("inputs").get(0).get("clauseName").asText()).isEqualTo("完成序时进度的百分比 v");
        assertThat(decided.get(0).get("outputs").get(0).get("value").asText()).isEqualTo("YELLOW");
    }

    void submit(Long id) {
        // 知晓度 57% of ≥95%: 30 × 0.6 = 18; everything else met: 25 + 25 + 18 + 10 + 预算执行率 10 = 88.00.
        submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, new BigDecimal("100"), "基本完成",
                List.of(input(0, "500", null), input(1, "40", null), input(2, "57", "宣传推迟到次年"),
                        input(3, "92", null))), Approvals.UNIT);
    }

    static SelfEvaluationSubmissions.IndicatorInput input(int index, String number, String explanation) {
        return new SelfEvaluationSubmissions.IndicatorInput(index, new BigDecimal(number), null, null, null, null,
                explanation);
    }

    Task lifecycleTask(Long id) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
                .processDefinitionKey("self-evaluation").singleResult();
    }

    /** The department approves; finance re-checks it if it was drawn; the result is published. */
    void publish(Long id) {
        work.complete(lifecycleTask(id).getId(), new Decision("approve", "同意", null), Approvals.DEPT);
        Task recheck = lifecycleTask(id);
        if (recheck != null && "UserTask_FinanceRecheck".equals(recheck.getTaskDefinitionKey())) {
            work.complete(recheck.getId(), new Decision("approve", "复核无异议", null), Approvals.FINANCE);
        }
        assertThat(results.result(id, Scope.ALL).getStatus()).isEqualTo(SelfEvaluation.Status.PUBLISHED);
    }

    @Test
    void aProvincesGradeTableGradesTheSameReportAnotherWayAndLeavesThePublishedGrade() {
        Long first = approved(2094, "等级规则项目甲", List.of());
        Long second = approved(2094, "等级规则项目乙", List.of());
        rounds.openRound(2094, 20940L, Approvals.FINANCE);

        submit(first);
        SelfEvaluation graded = results.result(first, Scope.ALL);
        assertThat(graded.getTotal()).isEqualByComparingTo("88.00");
        assertThat(graded.getGrade()).isEqualTo("良");
        String version1 = graded.getGradeRule();
        assertThat(version1).isEqualTo(latestDefinition("Decision_Grade"));
        publish(first);

        // 85/75/60 instead of 90/80/60, deployed from the Modeler: the same report of another project is 优.
        ResponseEntity<String> answer = deploy("grade.dmn", ScoringFiles.gradesXml(85, 75, 60));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        String version2 = latestDefinition("Decision_Grade");
        assertThat(version2).isNotEqualTo(version1);

        submit(second);
        SelfEvaluation other = results.result(second, Scope.ALL);
        assertThat(other.getTotal()).isEqualByComparingTo("88.00");
        assertThat(other.getGrade()).isEqualTo("优");
        assertThat(other.getGradeRule()).isEqualTo(version2);
        JsonNode decided = history(version2);
        assertThat(decided).hasSize(1);
        assertThat(decided.get(0).get("inputs").get(0).get("value").asDouble()).isEqualTo(88.0);
        assertThat(decided.get(0).get("outputs").get(0).get("value").asText()).isEqualTo("优");

        // The published one is not regraded: its grade and the version that gave it stay.
        SelfEvaluation published = results.result(first, Scope.ALL);
        assertThat(published.getGrade()).isEqualTo("良");
        assertThat(published.getGradeRule()).isEqualTo(version1);
        assertThat(reports.report(first, Scope.ALL).grade()).isEqualTo("良");
    }

    @Test
    void aTableTheAppCannotEvaluateIsRefusedNamingTheTableAndTheRule() {
        String before = latestDefinition("Decision_ExecutionLight");
        // min() is a FEEL function the simple evaluator does not know.
        String broken = RuleFiles.read("bpmn/execution-light.dmn").replace("<text>&lt; 60</text>",
                "<text>&lt; min(60, 70)</text>");
        ResponseEntity<String> answer = deploy("execution-light.dmn", broken);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(read(answer.getBody()).get("message").asText())
                .contains("execution-light.dmn", "预算执行灯", "Rule_Execution_Red", "min(60, 70)");
        assertThat(latestDefinition("Decision_ExecutionLight")).isEqualTo(before);

        // Weights that do not add up to the indicator total: refused too, naming the table.
        String weights = RuleFiles.read("bpmn/default-weights.dmn").replace("<text>50</text>", "<text>55</text>");
        answer = deploy("default-weights.dmn", weights);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(read(answer.getBody()).get("message").asText()).contains("default-weights.dmn", "默认权重", "90");
    }
}
