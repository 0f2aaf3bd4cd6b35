package org.openperf.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openperf.ProcessFixture;
import org.openperf.TestUnits;
import org.openperf.evaluation.ScoringFiles;
import org.openperf.evaluation.SelfEvaluation;
import org.openperf.evaluation.SelfEvaluationResults;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.kernel.Scope;
import org.openperf.kernel.rules.DeployedRules;
import org.openperf.kernel.rules.RuleFiles;
import org.openperf.review.Approvals;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Finance changes the grade bands on the rules page: uploads a 85/75/60 grade table, sees which of last year's
 * published self-evaluations it would grade otherwise, deploys it, and finds the new version listed; the published
 * grades stay. A file that is not a DMN, or another table's, is refused naming the file; units get a 403.
 * Fiscal year 2089. The test's deployments are deleted afterwards, so the tests sharing the JVM see bpmn/'s tables.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RulesPageTest {

    static final int YEAR = 2089;

    @Autowired
    MockMvc mvc;
    @Autowired
    RepositoryService repository;
    @Autowired
    TaskService tasks;
    @Autowired
    ProjectService projects;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    ReviewTasks work;
    @Autowired
    SelfEvaluationRounds rounds;
    @Autowired
    SelfEvaluationResults results;
    @Autowired
    DeployedRules rules;
    @Autowired
    DepartmentRepository departments;
    @Autowired
    UnitRepository units;

    /** A demo user's browser session: logged in (HTTP Basic, as the pages accept it), with the session's CSRF token. */
    record Session(String user, MockHttpSession session, String[] token) implements RequestPostProcessor {
        @Override
        public org.springframework.mock.web.MockHttpServletRequest postProcessRequest(
                org.springframework.mock.web.MockHttpServletRequest request) {
            request.setSession(session);
            request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
            return request;
        }
    }

    Session finance() {
        return session("finance");
    }

    Session unit() {
        return session("unit402001");
    }

    final java.util.Map<String, Session> sessions = new java.util.HashMap<>();

    Session session(String user) {
        return sessions.computeIfAbsent(user, u -> new Session(u, new MockHttpSession(), new String[1]));
    }

    /** The form's CSRF token, as a page of the session carries it in its head. */
    RequestPostProcessor csrf(Session s) throws Exception {
        if (s.token()[0] == null) {
            String page = mvc.perform(get("/projects").with(s)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).as(page).isTrue();
            s.token()[0] = m.group(1);
        }
        return request -> {
            request.addParameter("_csrf", s.token()[0]);
            return request;
        };
    }

    @BeforeEach
    void units() {
        TestUnits.ensureQingdao(departments, units);
    }

    @AfterEach
    void undeploy() {
        for (Deployment d : repository.createDeploymentQuery().list()) {
            if (d.getSource() != null && d.getSource().startsWith("rules-page:")) {
                repository.deleteDeployment(d.getId(), true);
            }
        }
        rules.forgetLatest();
    }

    @Test
    void financePreviewsANewGradeTableOnLastYearsResultsDeploysItAndPublishedGradesStay() throws Exception {
        Long regraded = approved("规则页预览项目甲");
        Long unchanged = approved("规则页预览项目乙");
        rounds.openRound(YEAR, 20890L, Approvals.FINANCE);
        publish(regraded, "57"); // 88.00: 良 now, 优 by 85/75/60
        publish(unchanged, "95"); // 100.00: 优 either way
        String version1 = results.result(regraded, Scope.ALL).getGradeRule();

        String page = html(mvc.perform(get("/rules").with(finance())).andReturn(), 200);
        assertThat(page).contains("规则管理").contains("绩效等级（Decision_Grade）").contains("预算执行灯（Decision_ExecutionLight）");

        MockMultipartFile file = new MockMultipartFile("file", "grade-85-75-60.dmn", "application/xml",
                ScoringFiles.gradesXml(85, 75, 60).getBytes(StandardCharsets.UTF_8));
        String preview = html(mvc.perform(multipart("/rules/preview").file(file).param("table", "Decision_Grade")
                .param("year", String.valueOf(YEAR)).with(finance()).with(csrf(finance()))).andReturn(), 200);
        assertThat(preview).contains(YEAR + " 年度已公开的自评，按新表重新定级：1 项结果将改变")
                .contains("<td>规则页预览项目甲</td><td>良</td><td>优</td>")
                .contains("总分 88.00").doesNotContain("规则页预览项目乙");
        // Nothing deployed yet: the grade in force is still the one of bpmn/.
        assertThat(latestGrade()).isEqualTo(version1);

        Matcher content = Pattern.compile("name=\"content\" value=\"([^\"]+)\"").matcher(preview);
        assertThat(content.find()).isTrue();
        MvcResult deployed = mvc.perform(post("/rules/deploy").param("table", "Decision_Grade")
                .param("file", "grade-85-75-60.dmn").param("content", content.group(1))
                .with(finance()).with(csrf(finance()))).andReturn();
        assertThat(deployed.getResponse().getStatus()).isEqualTo(302);
        assertThat(deployed.getResponse().getRedirectedUrl()).isEqualTo("/rules");
        String version2 = latestGrade();
        assertThat(version2).isNotEqualTo(version1);
        int number = repository.getDecisionDefinition(version2).getVersion();

        String listed = html(mvc.perform(get("/rules").with(finance())).andReturn(), 200);
        assertThat(listed).containsPattern("data-key=\"Decision_Grade\" data-version=\"" + number + "\">\\s*<td>绩效等级（Decision_Grade）</td>\\s*<td class=\"num\">"
                + number + "（现行）</td>\\s*<td>[0-9-]+ [0-9:]+</td>\\s*<td>finance</td>\\s*<td>绩效等级 · grade-85-75-60.dmn · grade-85-75-60.dmn</td>");

        // Published self-evaluations keep the grade and the version that gave it.
        SelfEvaluation kept = results.result(regraded, Scope.ALL);
        assertThat(kept.getGrade()).isEqualTo("良");
        assertThat(kept.getGradeRule()).isEqualTo(version1);
        assertThat(results.result(unchanged, Scope.ALL).getGrade()).isEqualTo("优");
    }

    @Autowired
    org.openperf.monitoring.ExecutionReadingRepository readings;
    @Autowired
    org.openperf.monitoring.MilestoneService milestones;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    /** A project red at its 3月底 milestone (v = 55) would be yellow with red below 50: the preview says so. */
    @Test
    void aLightTablesPreviewListsTheMilestoneLightsItWouldChange() throws Exception {
        Long id = projects.create(new ProjectForm(YEAR, null, "规则页灯预览项目", new ProjectForm.UnitInput("402001", null),
                null, new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "目标",
                List.of(new org.openperf.targets.ProjectView.PlanRow(3, new BigDecimal("30")),
                        new org.openperf.targets.ProjectView.PlanRow(12, new BigDecimal("100"))), List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")))).id();
        Approvals.approve(work, tasks, id);
        // 16.5 of 100 spent by 3月底 against 30% planned: v = 55, red by the table of bpmn/.
        readings.save(new org.openperf.monitoring.ExecutionReading(id, java.time.LocalDate.of(YEAR, 3, 20),
                new BigDecimal("16.5"), org.openperf.monitoring.ExecutionReading.Source.API, "test"));
        String instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(org.openperf.review.ProjectProcesses.MONITORING)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();
        org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery().processInstanceId(instance).timers()
                .singleResult();
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
                    java.util.Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
            management.executeJob(timer.getId());
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(milestones.results(id)).singleElement()
                .satisfies(r -> assertThat(r.getLight()).isEqualTo(org.openperf.monitoring.Light.RED));

        String fifty = RuleFiles.read("bpmn/execution-light.dmn").replace("<text>&lt; 60</text>", "<text>&lt; 50</text>")
                .replace("<text>[60..80[</text>", "<text>[50..80[</text>");
        MockMultipartFile file = new MockMultipartFile("file", "execution-light-50.dmn", "application/xml",
                fifty.getBytes(StandardCharsets.UTF_8));
        String preview = html(mvc.perform(multipart("/rules/preview").file(file).param("table", "Decision_ExecutionLight")
                .param("year", String.valueOf(YEAR)).with(finance()).with(csrf(finance()))).andReturn(), 200);
        assertThat(preview).contains(YEAR + " 年度各项目最近一次里程碑的预算执行灯，按新表重新判定")
                .containsPattern("<td>规则页灯预览项目</td><td>红灯</td><td>黄灯</td>\\s*<td>3 月 v = 55.00%</td>");
    }

    @Autowired
    org.openperf.monitoring.MonitoringRoundService monitoringRounds;
    @Autowired
    org.openperf.monitoring.MonitoringReportService monitoringReports;

    static org.openperf.monitoring.MonitoringReportInput.Row line(int index, String value) {
        return new org.openperf.monitoring.MonitoringReportInput.Row(index, new BigDecimal(value), null, null, null,
                null, null, "确定能", null, null);
    }

    /**
     * In a 1–7月 监控表, 满意度 55 of ≥90% is v = 104.76: green by bpmn/'s table, blue when blue starts at 100; 人数
     * 20 of ≥40 (v = 85.71) and 知晓度 50 of ≥95% (90.23) stay green; 成本 (≤) is not the table's. Fiscal year 2090.
     */
    @Test
    void anIndicatorLightTablesPreviewListsTheReportedIndicatorsItWouldChange() throws Exception {
        int year = YEAR + 1;
        Long id = projects.create(new ProjectForm(year, null, "规则页指标灯预览项目", new ProjectForm.UnitInput("402001", null),
                null, new BigDecimal("100"), new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "目标", List.of(), List.of(
                row("成本指标", "经济成本指标", "培训标准", "≤550 元/人天"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("效益指标", "社会效益指标", "知晓度", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "满意度", "≥90%")))).id();
        Approvals.approve(work, tasks, id);
        readings.save(new org.openperf.monitoring.ExecutionReading(id, java.time.LocalDate.of(year, 7, 20),
                new BigDecimal("50"), org.openperf.monitoring.ExecutionReading.Source.API, "test"));
        monitoringRounds.open(year, 7, Approvals.FINANCE);
        monitoringReports.submit(id, new org.openperf.monitoring.MonitoringReportInput(null, null, null,
                new BigDecimal("95"), List.of(line(0, "500"), line(1, "20"), line(2, "50"), line(3, "55"))),
                Approvals.UNIT);

        String blueFrom100 = RuleFiles.read("bpmn/indicator-light.dmn").replace("<text>[80..120[</text>",
                "<text>[80..100[</text>").replace("<text>&gt;= 120</text>", "<text>&gt;= 100</text>");
        MockMultipartFile file = new MockMultipartFile("file", "indicator-light-100.dmn", "application/xml",
                blueFrom100.getBytes(StandardCharsets.UTF_8));
        String preview = html(mvc.perform(multipart("/rules/preview").file(file).param("table", "Decision_IndicatorLight")
                .param("year", String.valueOf(year)).with(finance()).with(csrf(finance()))).andReturn(), 200);
        assertThat(preview).contains(year + " 年度各项目最近一份监控表中按进度判定的指标进度灯，按新表重新判定：1 项结果将改变")
                .containsPattern("<td>规则页指标灯预览项目 · 满意度</td><td>绿灯</td><td>蓝灯</td>\\s*<td>1–7 月 v = 104.76%</td>");
    }

    @Test
    void aFileThatIsNotADmnOrAnotherTablesIsRefusedNamingTheFile() throws Exception {
        MockMultipartFile text = new MockMultipartFile("file", "等级说明.txt", "text/plain", "优 85".getBytes(StandardCharsets.UTF_8));
        String refused = html(mvc.perform(multipart("/rules/preview").file(text).param("table", "Decision_Grade")
                .with(finance()).with(csrf(finance()))).andReturn(), 400);
        assertThat(refused).contains("文件“等级说明.txt”不是 DMN 决策表");

        MockMultipartFile light = new MockMultipartFile("file", "execution-light.dmn", "application/xml",
                RuleFiles.read("bpmn/execution-light.dmn").getBytes(StandardCharsets.UTF_8));
        String other = html(mvc.perform(multipart("/rules/preview").file(light).param("table", "Decision_Grade")
                .with(finance()).with(csrf(finance()))).andReturn(), 400);
        assertThat(other).contains("文件“execution-light.dmn”声明的决策 id 为 Decision_ExecutionLight，不是绩效等级（Decision_Grade）");

        // A gap between two bands: DeploymentCheck's message, naming the file and the table; nothing is deployed.
        String gap = ScoringFiles.gradesXml(90, 80, 60).replace("<text></text>", "<text>&lt; 50</text>");
        String latest = latestGrade();
        String refusedGap = html(mvc.perform(post("/rules/deploy").param("table", "Decision_Grade").param("file", "gap.dmn")
                .param("content", Base64.getEncoder().encodeToString(gap.getBytes(StandardCharsets.UTF_8)))
                .with(finance()).with(csrf(finance()))).andReturn(), 400);
        assertThat(refusedGap).contains("决策表 gap.dmn（绩效等级，Decision_Grade）没有适用于 total = 50.0 的规则");
        assertThat(latestGrade()).isEqualTo(latest);
    }

    @Test
    void onlyFinanceAndAdministratorsSeeOrPost() throws Exception {
        assertThat(mvc.perform(get("/rules").with(unit())).andReturn().getResponse().getStatus()).isEqualTo(403);
        MockMultipartFile file = new MockMultipartFile("file", "grade.dmn", "application/xml",
                ScoringFiles.gradesXml(85, 75, 60).getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.perform(multipart("/rules/preview").file(file).param("table", "Decision_Grade")
                .with(unit()).with(csrf(unit()))).andReturn().getResponse().getStatus()).isEqualTo(403);
        String latest = latestGrade();
        assertThat(mvc.perform(post("/rules/deploy").param("table", "Decision_Grade").param("file", "grade.dmn")
                .param("content", Base64.getEncoder().encodeToString(file.getBytes()))
                .with(unit()).with(csrf(unit()))).andReturn().getResponse().getStatus()).isEqualTo(403);
        // Finance without the form's CSRF token: refused as every other form.
        assertThat(mvc.perform(post("/rules/deploy").param("table", "Decision_Grade").param("file", "grade.dmn")
                .param("content", Base64.getEncoder().encodeToString(file.getBytes()))
                .with(finance())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(latestGrade()).isEqualTo(latest);
        // The navigation offers the page to finance only.
        assertThat(html(mvc.perform(get("/projects").with(finance())).andReturn(), 200)).contains("href=\"/rules\"");
        assertThat(html(mvc.perform(get("/projects").with(unit())).andReturn(), 200)).doesNotContain("href=\"/rules\"");
    }

    String latestGrade() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("Decision_Grade").latestVersion()
                .singleResult().getId();
    }

    static String html(MvcResult r, int status) throws Exception {
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).as(body).isEqualTo(status);
        return body;
    }

    /** An approved project of {@code YEAR}: 100 万元, four indicators without weights. */
    Long approved(String name) {
        return ProcessFixture.of(context).approved(ProcessFixture.table(YEAR, name));
    }

    /** The unit reports (知晓度 {@code awareness}% of ≥95%, all else met), the department approves, it is published. */
    void publish(Long id, String awareness) {
        ProcessFixture.of(context).publishSelfEvaluation(id, new SelfEvaluationSubmissions.Submission(null,
                new BigDecimal("100"), "基本完成", List.of(ProcessFixture.actual(0, "500", null),
                ProcessFixture.actual(1, "40", null), ProcessFixture.actual(2, awareness, "宣传推迟到次年"),
                ProcessFixture.actual(3, "92", null))));
        assertThat(results.result(id, Scope.ALL).getStatus()).isEqualTo(SelfEvaluation.Status.PUBLISHED);
    }

    static ProjectForm.IndicatorInput row(String l1, String l2, String name, String value) {
        return new ProjectForm.IndicatorInput(l1, l2, name, null, new ProjectForm.ValueInput(value), null, null, null);
    }

}
