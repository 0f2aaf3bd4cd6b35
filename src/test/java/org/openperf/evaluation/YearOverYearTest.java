package org.openperf.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openperf.ProcessFixture.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openperf.ProcessFixture;
import org.openperf.exports.ExportService;
import org.openperf.imports.ImportResult;
import org.openperf.imports.ImportService;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Finding;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.Scope;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.openperf.review.TaskList;
import org.openperf.review.TaskRow;
import org.openperf.review.forms.TaskFormVariables;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.PreviousProject;
import org.openperf.targets.PreviousProjects;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.Unit;
import org.openperf.targets.UnitRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Year over year through the real services (issue 19, docs/year-over-year.md): projects of 2097 approved, self-evaluated
 * and published through the lifecycle; tables of 2098 linked to them by code, by name or by hand, and their findings
 * in the project API and an import's preview. Years 2097–2099 and unit 974001 are this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearOverYearTest {

    static final Caller UNIT = Approvals.UNIT;
    static final Caller DEPT = Approvals.DEPT;
    static final Caller FINANCE = Approvals.FINANCE;
    static final Caller UNIT_974 = new Caller("u974001", List.of("unit-974001"));
    static final String GOOD_CODE = "YOY-2097-GOOD";
    static final String POOR_CODE = "YOY-2097-POOR";

    @Autowired
    ApplicationContext context;
    @Autowired
    ProjectService projects;
    @Autowired
    PreviousProjects previous;
    @Autowired
    SelfEvaluationRounds rounds;
    @Autowired
    SelfEvaluationSubmissions submissions;
    @Autowired
    SelfEvaluationResults results;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskList taskList;
    @Autowired
    ExportService exports;
    @Autowired
    ImportService imports;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    ProcessFixture fixture;
    /** 2097, 优: 培训标准 500 of ≤550, 每期培训人数 60 of ≥40, 知晓度 98% of ≥95%, 满意度 92% of ≥90%. */
    Long good;
    /** 2097, 差: every indicator far short, 知晓度 50% of ≥95%. */
    Long poor;

    @BeforeAll
    void lastYear() {
        fixture = ProcessFixture.of(context);
        Department d = context.getBean(DepartmentRepository.class).findByCode("974")
                .orElseGet(() -> context.getBean(DepartmentRepository.class).save(new Department("974", "测试局")));
        UnitRepository units = context.getBean(UnitRepository.class);
        if (units.findByCode("974001").isEmpty()) {
            units.save(new Unit("974001", "测试局本级", d));
        }
        good = fixture.draft(form(2097, GOOD_CODE, "2097年 就业见习补贴项目", "100",
                standard("≤550 元/人天", "≥40 人", "≥95%", "≥90%")));
        fixture.approve(good);
        poor = fixture.draft(form(2097, POOR_CODE, "2097年创业培训补贴", "100",
                standard("≤550 元/人天", "≥40 人", "≥95%", "≥90%")));
        fixture.approve(poor);
        rounds.openRound(2097, FINANCE);
        publish(good, "100", actual(0, "500"), actual(1, "60"), actual(2, "98"), actual(3, "92"));
        publish(poor, "50", actual(0, "700"), actual(1, "10"), actual(2, "50"), actual(3, "50"));
        assertThat(results.result(good, Scope.ALL).getGrade()).isEqualTo("优");
        assertThat(results.result(poor, Scope.ALL).getGrade()).isEqualTo("差");
    }

    static List<ProjectForm.IndicatorInput> standard(String cost, String count, String awareness, String satisfaction) {
        return new ArrayList<>(List.of(row("成本指标", "经济成本指标", "培训标准", cost),
                row("产出指标", "数量指标", "每期培训人数", count),
                row("效益指标", "社会效益指标", "知晓度", awareness),
                row("满意度指标", "服务对象满意度指标", "满意度", satisfaction)));
    }

    static ProjectForm form(int year, String code, String name, String budget, List<ProjectForm.IndicatorInput> rows) {
        return form(year, code, name, "402001", budget, rows);
    }

    static ProjectForm form(int year, String code, String name, String unit, String budget,
                            List<ProjectForm.IndicatorInput> rows) {
        return new ProjectForm(year, code, name, new ProjectForm.UnitInput(unit, null), null, new BigDecimal(budget),
                new BigDecimal(budget), BigDecimal.ZERO, null, "用途", "目标", List.of(), rows);
    }

    static SelfEvaluationSubmissions.IndicatorInput actual(int index, String number) {
        return new SelfEvaluationSubmissions.IndicatorInput(index, new BigDecimal(number), null, null, null, null,
                "偏差原因及改进措施");
    }

    /** 绩效自评 by the unit, accepted by the department, re-checked by finance if drawn: 结果公开. */
    void publish(Long id, String spent, SelfEvaluationSubmissions.IndicatorInput... actuals) {
        submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, new BigDecimal(spent), "完成",
                List.of(actuals)), UNIT);
        work.complete(fixture.taskIn(id, "self-evaluation").getId(), new Decision("approve", "同意", null), DEPT);
        if (results.result(id, Scope.ALL).getStatus() == SelfEvaluation.Status.RECHECKING) {
            work.complete(fixture.taskIn(id, "self-evaluation").getId(), new Decision("approve", "复核无异议", null),
                    FINANCE);
        }
        assertThat(results.result(id, Scope.ALL).getStatus()).isEqualTo(SelfEvaluation.Status.PUBLISHED);
    }

    Long draft(ProjectForm form) {
        return projects.create(form).id();
    }

    List<Finding> yoy(Long id) {
        return projects.validate(id, Scope.ALL).stream().filter(f -> f.rule().startsWith("yoy.")).toList();
    }

    @Test
    void aTargetBelowLastYearsActualIsFoundOnTheTableLinkedByCode() {
        Long id = draft(form(2098, GOOD_CODE, "就业见习补贴（续）", "100",
                standard("≤500 元/人天", "≥60 人", "≥96%", "≥92%")));
        assertThat(previous.of(projects.table(id)).map(PreviousProject::how)).contains(PreviousProject.How.CODE);
        List<Finding> f = yoy(id);
        assertThat(f).extracting(Finding::rule).containsExactly("yoy.target.below-actual");
        assertThat(f.get(0).field()).isEqualTo("知晓度");
        assertThat(f.get(0).message()).contains("“≥96%”低于上年（2097年）实际完成值 98%（自评）");
    }

    @Test
    void anUnchangedTargetBeatenByHalfIsFoundOnTheTableLinkedByName() {
        // No code this year: linked by unit and name, full-width, spaces, year and 项目 aside.
        Long id = draft(form(2098, null, "２０９８年 就业见习 补贴", "100",
                standard("≤500 元/人天", "≥40 人", "≥98%", "≥92%")));
        PreviousProject p = previous.of(projects.table(id)).orElseThrow();
        assertThat(p.id()).isEqualTo(good);
        assertThat(p.how()).isEqualTo(PreviousProject.How.NAME);
        List<Finding> f = yoy(id);
        assertThat(f).extracting(Finding::rule).containsExactly("yoy.target.unchanged");
        assertThat(f.get(0).message()).contains("与上年相同").contains("上年（2097年）实际完成值 60人（自评）");
    }

    @Test
    void targetsThatRoseWithLastYearsResultsGiveNoFinding() {
        Long id = draft(form(2098, GOOD_CODE, "就业见习补贴（提高目标）", "100",
                standard("≤500 元/人天", "≥60 人", "≥98%", "≥92%")));
        assertThat(previous.of(projects.table(id))).isPresent();
        assertThat(yoy(id)).isEmpty();
    }

    @Test
    void aWeakIndicatorDroppedAndABudgetRisingAfterAPoorGradeAreFound() {
        List<ProjectForm.IndicatorInput> rows = standard("≤550 元/人天", "≥40 人", "≥95%", "≥90%");
        rows.remove(2); // 知晓度 scored 50/95 of its 30 last year, and no new 社会效益 indicator replaces it
        rows.add(row("产出指标", "质量指标", "培训合格率", "≥90%"));
        Long id = draft(form(2098, POOR_CODE, "创业培训补贴", "150", rows));
        List<Finding> f = yoy(id);
        assertThat(f).extracting(Finding::rule).containsExactly("yoy.indicator.dropped", "yoy.grade.budget-up");
        assertThat(f.get(0).message()).contains("上年（2097年）指标“知晓度”").contains("“社会效益指标”下没有新增指标替代");
        assertThat(f.get(1).message()).contains("上年（2097年）自评等级为“差”").contains("结果应用");
        // The same table without the raise, and with a new 社会效益 indicator: nothing to say.
        List<ProjectForm.IndicatorInput> replaced = new ArrayList<>(rows);
        replaced.add(row("效益指标", "社会效益指标", "创业带动就业人数", "≥30 人"));
        assertThat(yoy(draft(form(2098, POOR_CODE, "创业培训补贴（替代指标）", "100", replaced)))).isEmpty();
    }

    @Test
    void aHandLinkOverridesTheAutomaticMatchAndAnUnlinkKeepsItAway() {
        Long id = draft(form(2098, null, "零就业家庭援助", "100", standard("≤500 元/人天", "≥40 人", "≥98%", "≥92%")));
        assertThat(previous.view(id, UNIT).previous()).isNull();
        assertThat(yoy(id)).isEmpty();

        PreviousProjects.LinkView linked = previous.link(id, good, UNIT);
        assertThat(linked.previous().how()).isEqualTo(PreviousProject.How.HAND);
        assertThat(linked.previous().year()).isEqualTo(2097);
        assertThat(linked.linkedBy()).isEqualTo(UNIT.userId());
        assertThat(linked.linkedAt()).isNotBlank();
        assertThat(yoy(id)).extracting(Finding::rule).containsExactly("yoy.target.unchanged");

        // Unlinking a table the code would link: explicitly none, and no findings from last year.
        Long byCode = draft(form(2098, GOOD_CODE, "就业见习补贴（手工解除）", "100",
                standard("≤550 元/人天", "≥40 人", "≥95%", "≥90%")));
        assertThat(yoy(byCode)).isNotEmpty();
        PreviousProjects.LinkView none = previous.link(byCode, null, FINANCE);
        assertThat(none.previous()).isNull();
        assertThat(none.explicitlyNone()).isTrue();
        assertThat(none.linkedBy()).isEqualTo(FINANCE.userId());
        assertThat(yoy(byCode)).isEmpty();
    }

    @Test
    void aRenamedIndicatorMatchedByHandIsComparedWithLastYearsAndNoLongerCountsAsDropped() {
        // 知晓度 is now called 政策知晓率: by name it is new, and last year's weak 知晓度 looks dropped.
        List<ProjectForm.IndicatorInput> rows = standard("≤550 元/人天", "≥40 人", "≥95%", "≥90%");
        rows.set(2, row("效益指标", "社会效益指标", "政策知晓率", "≥40%"));
        Long id = draft(form(2098, POOR_CODE, "创业培训补贴（指标改名）", "100", rows));
        assertThat(yoy(id)).isEmpty(); // a new indicator in the same 二级 replaces the weak one

        PreviousProjects.LinkView linked = previous.linkIndicator(id, "政策知晓率", " 知晓度 ", UNIT);
        assertThat(linked.indicators()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("政策知晓率");
            assertThat(l.previousName()).isEqualTo("知晓度");
            assertThat(l.linkedBy()).isEqualTo(UNIT.userId());
            assertThat(l.linkedAt()).isNotBlank();
        });
        // Matched: ≥40% is below last year's actual 50%, and nothing new replaces the weak indicator any more.
        List<Finding> f = yoy(id);
        assertThat(f).extracting(Finding::rule).containsExactly("yoy.target.below-actual");
        assertThat(f.get(0).field()).isEqualTo("政策知晓率");
        assertThat(f.get(0).message()).contains("上年（2097年）实际完成值 50%（自评）");
        // The 待办 row counts the same warnings as the table, the hand link included (a page reads last year at once).
        long warnings = projects.validate(id, Scope.ALL).stream().filter(x -> !x.isError()).count();
        assertThat(warnings).isPositive();
        assertThat(taskList.todo(UNIT, 2098, null, 0, 200)).filteredOn(r -> id.equals(r.projectId()))
                .singleElement().extracting(TaskRow::warnings).isEqualTo(warnings);

        // Unlinked: by name again.
        assertThat(previous.linkIndicator(id, "政策知晓率", null, FINANCE).indicators()).isEmpty();
        assertThat(yoy(id)).isEmpty();
    }

    @Test
    void anIndicatorLinkNamesIndicatorsOfBothTablesAndIsTheirsToMake() {
        List<ProjectForm.IndicatorInput> rows = standard("≤550 元/人天", "≥40 人", "≥95%", "≥90%");
        rows.set(2, row("效益指标", "社会效益指标", "政策知晓率", "≥96%"));
        Long id = draft(form(2098, GOOD_CODE, "就业见习补贴（指标关联）", "100", rows));
        assertThatThrownBy(() -> previous.linkIndicator(id, "不存在的指标", "知晓度", UNIT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("没有三级指标“不存在的指标”");
        assertThatThrownBy(() -> previous.linkIndicator(id, "政策知晓率", "上年没有的指标", UNIT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("上年项目“2097年 就业见习补贴项目”（2097年）没有三级指标“上年没有的指标”");
        assertThatThrownBy(() -> previous.linkIndicator(id, "政策知晓率", "知晓度", DEPT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> previous.linkIndicator(id, "政策知晓率", "知晓度", UNIT_974))
                .isInstanceOf(NotFoundException.class);
        previous.linkIndicator(id, "政策知晓率", "知晓度", UNIT);
        // One of last year's indicators continues in one of this year's at most.
        assertThatThrownBy(() -> previous.linkIndicator(id, "满意度", "知晓度", UNIT))
                .isInstanceOf(org.openperf.kernel.ConflictException.class)
                .hasMessageContaining("已手工关联到今年的指标“政策知晓率”");
        // A table without last year's project has nothing to link to.
        Long alone = draft(form(2098, null, "全新项目（无上年）", "100", standard("≤500 元/人天", "≥60 人", "≥98%",
                "≥92%")));
        assertThatThrownBy(() -> previous.linkIndicator(alone, "知晓度", "知晓度", UNIT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("还没有上年项目");
    }

    @Test
    void linkingIsScopedToWhatTheCallerSeesAndToLastYear() {
        Long id = draft(form(2098, null, "职业介绍补贴", "100", standard("≤500 元/人天", "≥60 人", "≥98%", "≥92%")));
        Long other = draft(form(2097, null, "测试局项目", "974001", "100",
                standard("≤500 元/人天", "≥60 人", "≥98%", "≥92%")));
        // Another unit's project answers as if it did not exist, either way round.
        assertThatThrownBy(() -> previous.view(id, UNIT_974)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> previous.link(id, good, UNIT_974)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> previous.link(id, other, UNIT)).isInstanceOf(NotFoundException.class);
        // The department sees it but does not prepare it.
        assertThatThrownBy(() -> previous.link(id, good, DEPT)).isInstanceOf(ForbiddenException.class);
        // Last year's only.
        Long sameYear = draft(form(2098, null, "职业介绍补贴（同年）", "100", standard("≤500 元/人天", "≥60 人", "≥98%",
                "≥92%")));
        assertThatThrownBy(() -> previous.link(id, sameYear, UNIT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2097");
        assertThat(previous.view(id, UNIT).linkedBy()).isNull();
    }

    @Test
    void projectsOfAUnitAreLinkedByNormalisedNameWhenOneHasNoCode() {
        Long before = draft(form(2098, "974-0001", "2098年度 农村 供水 保障项目", "974001", "100",
                standard("≤500 元/人天", "≥60 人", "≥98%", "≥92%")));
        Long after = draft(form(2099, null, "农村供水保障", "974001", "100",
                standard("≤500 元/人天", "≥60 人", "≥98%", "≥92%")));
        Long otherCode = draft(form(2099, "974-0002", "农村供水保障", "974001", "100",
                standard("≤500 元/人天", "≥60 人", "≥98%", "≥92%")));
        PreviousProjects.LinkView view = previous.view(after, UNIT_974);
        assertThat(view.previous().id()).isEqualTo(before);
        assertThat(view.previous().how()).isEqualTo(PreviousProject.How.NAME);
        // Two different codes are two different projects, whatever their names.
        assertThat(previous.view(otherCode, UNIT_974).previous()).isNull();
    }

    /**
     * An import's tables are matched all at once (PreviousProjects#ofAll): each gets what it would get alone, also
     * when its unit had many projects last year.
     */
    @Test
    void anImportsTablesAreMatchedAsEachWouldBeAloneAmongManyOfTheUnitsProjects() {
        List<ProjectForm.IndicatorInput> rows = standard("≤500 元/人天", "≥60 人", "≥98%", "≥92%");
        for (int k = 1; k <= 12; k++) {
            draft(form(2098, null, "批量匹配填充" + k, "974001", "10", rows));
        }
        Long water = draft(form(2098, null, "饮水安全巩固", "974001", "10", rows));
        draft(form(2098, null, "道路养护", "974001", "10", rows));
        draft(form(2098, null, "道路 养护", "974001", "10", rows));
        Long lights = draft(form(2098, "974-0101", "路灯维护", "974001", "10", rows));
        List<org.openperf.targets.Project> tables = java.util.stream.Stream.of(
                draft(form(2099, null, "饮水安全巩固项目", "974001", "10", rows)),
                draft(form(2099, null, "道路养护", "974001", "10", rows)),
                draft(form(2099, "974-0101", "路灯维护（更名）", "974001", "10", rows)),
                draft(form(2099, null, "新增的项目", "974001", "10", rows))).map(projects::table).toList();

        List<PreviousProject> together = previous.ofAll(tables).stream().map(o -> o.orElse(null)).toList();

        assertThat(together).extracting(p -> p == null ? null : p.id()).containsExactly(water, null, lights, null);
        assertThat(together).extracting(p -> p == null ? null : p.how())
                .containsExactly(PreviousProject.How.NAME, null, PreviousProject.How.CODE, null);
        assertThat(together).containsExactlyElementsOf(tables.stream().map(t -> previous.of(t).orElse(null))
                .toList());
    }

    @Test
    void theFindingShowsInTheProjectApiAndThePreviousLinkInItsOwn() throws Exception {
        Long id = draft(form(2098, GOOD_CODE, "就业见习补贴（接口）", "100",
                standard("≤500 元/人天", "≥60 人", "≥96%", "≥92%")));
        TestRestTemplate admin = http.withBasicAuth("admin", "demo");
        ResponseEntity<String> r = admin.getForEntity("/api/projects/" + id, String.class);
        assertThat(r.getStatusCode().is2xxSuccessful()).isTrue();
        JsonNode findings = json.readTree(r.getBody()).get("findings");
        assertThat(findings.findValuesAsText("rule")).contains("yoy.target.below-actual");
        assertThat(findings.findValuesAsText("message"))
                .anyMatch(m -> m.contains("上年（2097年）实际完成值 98%（自评）"));

        // The reviewers' Tasklist form shows the table's findings, these among them.
        assertThat(String.valueOf(context.getBean(TaskFormVariables.class).of(id).get("findings")))
                .contains("上年（2097年）实际完成值 98%（自评）");

        JsonNode link = json.readTree(admin.getForEntity("/api/projects/" + id + "/previous", String.class).getBody());
        assertThat(link.get("previous").get("id").asLong()).isEqualTo(good);
        assertThat(link.get("previous").get("how").asText()).isEqualTo("CODE");
    }

    @Test
    void thePreparerLinksByHandThroughTheApiAndAnotherUnitGets404() throws Exception {
        Long id = draft(form(2098, null, "公益性岗位补贴", "100", standard("≤500 元/人天", "≥60 人", "≥98%", "≥92%")));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<String> body = new HttpEntity<>("{\"previousId\": " + good + "}", headers);
        ResponseEntity<String> linked = http.withBasicAuth("unit402001", "demo").exchange(
                "/api/projects/" + id + "/previous", HttpMethod.PUT, body, String.class);
        assertThat(linked.getStatusCode().value()).isEqualTo(200);
        JsonNode view = json.readTree(linked.getBody());
        assertThat(view.get("previous").get("how").asText()).isEqualTo("HAND");
        assertThat(view.get("linkedBy").asText()).isEqualTo("unit402001");
        assertThat(http.withBasicAuth("unit402004", "demo").exchange("/api/projects/" + id + "/previous",
                HttpMethod.PUT, body, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.withBasicAuth("unit402004", "demo").getForEntity("/api/projects/" + id + "/previous",
                String.class).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> none = http.withBasicAuth("finance", "demo").exchange("/api/projects/" + id
                + "/previous", HttpMethod.PUT, new HttpEntity<>("{\"previousId\": null}", headers), String.class);
        assertThat(json.readTree(none.getBody()).get("explicitlyNone").asBoolean()).isTrue();

        // Indicators by hand, through the API: a name that is not in last year's table is a 400 naming it.
        previous.link(id, good, FINANCE);
        ResponseEntity<String> wrong = http.withBasicAuth("unit402001", "demo").exchange("/api/projects/" + id
                + "/previous/indicators", HttpMethod.PUT, new HttpEntity<>("{\"name\": \"知晓度\", "
                + "\"previousName\": \"培训时长\"}", headers), String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(wrong.getBody()).get("message").asText()).contains("没有三级指标“培训时长”");
        ResponseEntity<String> matched = http.withBasicAuth("unit402001", "demo").exchange("/api/projects/" + id
                + "/previous/indicators", HttpMethod.PUT, new HttpEntity<>("{\"name\": \"知晓度\", "
                + "\"previousName\": \"满意度\"}", headers), String.class);
        assertThat(matched.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(matched.getBody()).get("indicators").get(0).get("previousName").asText())
                .isEqualTo("满意度");
        assertThat(http.withBasicAuth("unit402004", "demo").exchange("/api/projects/" + id + "/previous/indicators",
                HttpMethod.PUT, new HttpEntity<>("{\"name\": \"知晓度\", \"previousName\": null}", headers),
                String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anImportPreviewOfNextYearsFileShowsTheFinding() {
        Long id = draft(form(2098, GOOD_CODE, "就业见习补贴（导出）", "100",
                standard("≤500 元/人天", "≥60 人", "≥96%", "≥92%")));
        byte[] file = exports.project(id, ExportService.Format.XLSX, Scope.ALL);
        ImportResult preview = imports.importFile(file, "yoy-2098.xlsx", 2098, true, null, "admin", Scope.ALL);
        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.problems()).filteredOn(p -> "yoy.target.below-actual".equals(p.rule()))
                .singleElement().satisfies(p -> assertThat(p.message())
                        .contains("就业见习补贴（导出）").contains("上年（2097年）实际完成值 98%（自评）"));
    }
}
