package org.openperf.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openperf.ProcessFixture.row;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openperf.ProcessFixture;
import org.openperf.evaluation.SelfEvaluationRounds;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.review.Approvals;
import org.openperf.review.Decision;
import org.openperf.review.ReviewTasks;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
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
 * The indicator library through the real services (issue 19, docs/indicator-library.md): tables of departments
 * 980 and 981 approved through target-approval, one self-evaluated to 结果公开, one left a draft. Years 2043–2046,
 * departments 980–982 are this test's own; entries of other tests' years may be in the same database, so the exact
 * figures are asserted as department 980 sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorLibraryTest {

    static final Caller UNIT_980 = new Caller("u980001", List.of("unit-980001"));
    static final Caller UNIT_981 = new Caller("u981001", List.of("unit-981001"));
    static final Caller DEPT_980 = new Caller("d980", List.of("dept-980"));
    static final Caller DEPT_981 = new Caller("d981", List.of("dept-981"));
    static final Caller FINANCE = Approvals.FINANCE;

    @Autowired
    ApplicationContext context;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewTasks work;
    @Autowired
    TaskService tasks;
    @Autowired
    SelfEvaluationRounds rounds;
    @Autowired
    SelfEvaluationSubmissions submissions;
    @Autowired
    IndicatorLibrary library;
    @Autowired
    TestRestTemplate http;

    ProcessFixture fixture;

    @BeforeAll
    void tables() {
        fixture = ProcessFixture.of(context);
        unit("980", "测试九八〇局", "980001");
        unit("981", "测试九八一局", "981001");
        if (!library.search(FINANCE, "九八〇测试用", null, null).isEmpty()) {
            return; // the PostgreSQL subclass's database is fresh; H2 may be shared by a context cached before
        }
        Long t2043 = approved(form(2043, "980001", "就业服务", List.of(
                row("效益指标", "社会效益指标", "城镇登记就业率", "≥95%"),
                row("产出指标", "数量指标", "每期培训人数", "≥40 人"),
                row("满意度指标", "服务对象满意度指标", "九八〇测试用满意度", "≥90%"))), UNIT_980, DEPT_980);
        approved(form(2044, "980001", "就业服务", List.of(
                row("效益指标", "社会效益指标", "2044年 城镇登记就业率", "≥96%"),
                row("产出指标", "数量指标", "每期培训人数", "≥50 人"),
                row("产出指标", "数量指标", "新增就业人口数", "≥800 人"))), UNIT_980, DEPT_980);
        approved(form(2043, "981001", "失业保险", List.of(
                row("效益指标", "社会效益指标", "城镇调查失业率", "≤5.5%"),
                row("产出指标", "数量指标", "新增就业人数", "≥1000 人"))), UNIT_981, DEPT_981);
        projects.create(form(2045, "980001", "草稿项目", List.of(
                row("产出指标", "数量指标", "草稿专用指标", "≥1 个"))));
        rounds.openRound(2043, FINANCE);
        publish(t2043, "80", actual(0, "98"), actual(1, "30"), actual(2, "92"));
    }

    @Test
    void aUnitSeesOnlyItsOwnTablesIndicators() {
        assertThat(keys(library.search(UNIT_981, "", null, 50)))
                .contains("城镇调查失业率", "新增就业人数").doesNotContain("城镇登记就业率", "每期培训人数");
        assertThat(keys(library.search(UNIT_980, "", null, 50)))
                .contains("城镇登记就业率", "每期培训人数").doesNotContain("城镇调查失业率");
    }

    @Test
    void financeSeesEveryDepartmentsIndicators() {
        // Asked by name: the first 50 of everything depend on what else the shared database holds (demo data).
        assertThat(keys(library.search(FINANCE, "失业率", null, 50))).contains("城镇调查失业率");
        assertThat(keys(library.search(FINANCE, "九八〇", null, 50))).contains("九八〇测试用满意度");
        assertThat(keys(library.search(FINANCE, "城镇", null, 50)))
                .contains("城镇登记就业率", "城镇调查失业率");
    }

    @Test
    void partOfANameFindsTheEntryWithItsFigures() {
        List<LibraryEntry> found = library.search(DEPT_980, "就业率", null, null);
        assertThat(keys(found)).containsExactly("城镇登记就业率");
        LibraryEntry e = found.get(0);
        assertThat(e.name()).isIn("城镇登记就业率", "2044年 城镇登记就业率");
        assertThat(e.level1()).isEqualTo("效益指标");
        assertThat(e.level2()).isEqualTo("社会效益指标");
        assertThat(e.tables()).isEqualTo(2);
        assertThat(e.years()).isEqualTo(Map.of(2043, 1, 2044, 1));
        assertThat(e.operator()).isEqualTo("≥");
        assertThat(e.unit()).isEqualTo("%");
        assertThat(e.min()).isEqualByComparingTo("95");
        assertThat(e.max()).isEqualByComparingTo("96");
        assertThat(e.evaluated()).isEqualTo(1);
        assertThat(e.met()).isEqualTo(1);
        // 30 of ≥40: not met at self-evaluation.
        LibraryEntry missed = library.search(DEPT_980, "每期培训", null, null).get(0);
        assertThat(missed.evaluated()).isEqualTo(1);
        assertThat(missed.met()).isZero();
        // One or two characters are common in Chinese: 率 alone finds it too; 二级 narrows.
        assertThat(keys(library.search(DEPT_980, "率", null, null))).containsExactly("城镇登记就业率");
        // (新增就业人口数 may be merged into 新增就业人数 already: one entry either way.)
        assertThat(keys(library.search(DEPT_980, "", "数量指标", null))).hasSize(2).contains("每期培训人数")
                .allMatch(k -> k.equals("每期培训人数") || k.startsWith("新增就业人"));
    }

    @Test
    void aCallerWithManyTablesGetsTheSameAnswerThroughTheNames() {
        List<List<String>> few = new java.util.ArrayList<>();
        List<List<String>> many = new java.util.ArrayList<>();
        for (List<List<String>> into : List.of(few, many)) {
            library.fewTables = into == few ? IndicatorLibrary.FEW_TABLES : 0;
            try {
                for (Caller c : List.of(UNIT_980, DEPT_980, DEPT_981)) {
                    for (String q : List.of("", "率", "就业", "每期培训人数", "九八〇测试用")) {
                        into.add(keys(library.search(c, q, null, 50)));
                    }
                    into.add(keys(library.search(c, "", "数量指标", 50)));
                }
            } finally {
                library.fewTables = IndicatorLibrary.FEW_TABLES;
            }
        }
        assertThat(many).isEqualTo(few);
        assertThat(few).anyMatch(k -> k.contains("城镇登记就业率"));
    }

    @Test
    void aDraftTablesIndicatorsAreNotInTheLibrary() {
        assertThat(library.search(FINANCE, "草稿专用", null, null)).isEmpty();
        assertThatThrownBy(() -> library.recommend(FINANCE, "草稿专用指标", true))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("指标库中没有指标“草稿专用指标”");
    }

    @Test
    void recommendedEntriesComeFirst() {
        assertThat(keys(library.search(DEPT_980, "", null, null)).get(0)).isNotEqualTo("九八〇测试用满意度");
        LibraryEntry r = library.recommend(FINANCE, "九八〇测试用满意度", true);
        assertThat(r.recommended()).isTrue();
        List<LibraryEntry> all = library.search(DEPT_980, "", null, null);
        assertThat(all.get(0).key()).isEqualTo("九八〇测试用满意度");
        assertThat(all.get(0).recommended()).isTrue();
        assertThat(all.subList(1, all.size())).noneMatch(LibraryEntry::recommended);
    }

    @Test
    void aMergedEntrysNamesCountAsTheOther() {
        LibraryEntry merged = library.merge(FINANCE, "新增就业人口数", "新增就业人数");
        assertThat(merged.key()).isEqualTo("新增就业人数");
        // As finance sees it: both tables (other years' tables may use the names too; 2043–2044 are this test's).
        assertThat(merged.tables()).isGreaterThanOrEqualTo(2);
        assertThat(merged.years()).containsEntry(2043, 1).containsEntry(2044, 1);
        assertThat(merged.merged()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("新增就业人口数");
            assertThat(m.by()).isEqualTo("f1");
            assertThat(m.at()).isNotBlank();
        });
        // Department 980 sees its own table's use, under the entry it was merged into, by either name.
        assertThat(keys(library.search(DEPT_980, "就业人口", null, null))).containsExactly("新增就业人数");
        LibraryEntry seen = library.search(DEPT_980, "新增就业", null, null).get(0);
        assertThat(seen.tables()).isEqualTo(1);
        assertThat(seen.name()).isEqualTo("新增就业人口数");
        assertThatThrownBy(() -> library.merge(FINANCE, "新增就业人数", "新增就业人口数"))
                .isInstanceOf(InvalidInputException.class).hasMessage("不能把指标“新增就业人数”合并到它自己");
    }

    @Test
    void onlyFinanceRecommendsOrMerges() {
        assertThatThrownBy(() -> library.recommend(UNIT_980, "城镇登记就业率", true))
                .isInstanceOf(ForbiddenException.class).hasMessage("推荐指标仅限财政部门");
        assertThatThrownBy(() -> library.merge(DEPT_980, "每期培训人数", "城镇登记就业率"))
                .isInstanceOf(ForbiddenException.class).hasMessage("合并指标仅限财政部门");
        assertThat(library.search(FINANCE, "每期培训", null, null).get(0).merged()).isEmpty();
    }

    @Test
    void theApiRefusesWithClearMessages() {
        ResponseEntity<String> found = http.withBasicAuth("finance", "demo")
                .getForEntity("/api/indicator-library?q=就业率&limit=5", String.class);
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        assertThat(found.getBody()).contains("\"key\":\"城镇登记就业率\"");

        ResponseEntity<String> unit = send("unit402001", HttpMethod.PUT, "/api/indicator-library/recommended",
                "{\"key\":\"城镇登记就业率\",\"recommended\":true}");
        assertThat(unit.getStatusCode().value()).isEqualTo(403);
        assertThat(unit.getBody()).contains("推荐指标仅限财政部门");
        ResponseEntity<String> dept = send("dept402", HttpMethod.POST, "/api/indicator-library/merge",
                "{\"from\":\"每期培训人数\",\"into\":\"城镇登记就业率\"}");
        assertThat(dept.getStatusCode().value()).isEqualTo(403);
        assertThat(dept.getBody()).contains("合并指标仅限财政部门");

        ResponseEntity<String> noFrom = send("finance", HttpMethod.POST, "/api/indicator-library/merge",
                "{\"into\":\"城镇登记就业率\"}");
        assertThat(noFrom.getStatusCode().value()).isEqualTo(400);
        assertThat(noFrom.getBody()).contains("缺少指标 from");
        ResponseEntity<String> noFlag = send("finance", HttpMethod.PUT, "/api/indicator-library/recommended",
                "{\"key\":\"城镇登记就业率\"}");
        assertThat(noFlag.getStatusCode().value()).isEqualTo(400);
        assertThat(noFlag.getBody()).contains("缺少 recommended");
        ResponseEntity<String> limit = http.withBasicAuth("finance", "demo")
                .getForEntity("/api/indicator-library?q=率&limit=500", String.class);
        assertThat(limit.getStatusCode().value()).isEqualTo(400);
        assertThat(limit.getBody()).contains("条数 limit 须在 1 到 50 之间，收到 500");
        ResponseEntity<String> unknown = send("finance", HttpMethod.PUT, "/api/indicator-library/recommended",
                "{\"key\":\"没有这个指标\",\"recommended\":true}");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("指标库中没有指标“没有这个指标”");
    }

    @Test
    void thePageShowsFinanceItsButtons() {
        ResponseEntity<String> page = http.withBasicAuth("finance", "demo")
                .getForEntity("/indicators?q=就业率", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("城镇登记就业率").contains("2043 年 1 张、2044 年 1 张").contains("合并到…")
                .contains("/js/indicators.js");
        // Another unit (this test's names are its own, whatever else the database holds): nothing, no buttons.
        ResponseEntity<String> unit = http.withBasicAuth("unit402001", "demo")
                .getForEntity("/indicators?q=九八〇测试用", String.class);
        assertThat(unit.getStatusCode().value()).isEqualTo(200);
        assertThat(unit.getBody()).doesNotContain("九八〇测试用满意度").doesNotContain("合并到…")
                .contains("没有符合条件的指标");
    }

    ResponseEntity<String> send(String user, HttpMethod method, String url, String body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(url, method, new HttpEntity<>(body, h), String.class);
    }

    static List<String> keys(List<LibraryEntry> entries) {
        return entries.stream().map(LibraryEntry::key).toList();
    }

    void unit(String department, String departmentName, String unit) {
        DepartmentRepository departments = context.getBean(DepartmentRepository.class);
        Department d = departments.findByCode(department)
                .orElseGet(() -> departments.save(new Department(department, departmentName)));
        UnitRepository units = context.getBean(UnitRepository.class);
        if (units.findByCode(unit).isEmpty()) {
            units.save(new Unit(unit, departmentName + "本级", d));
        }
    }

    static ProjectForm form(int year, String unit, String name, List<ProjectForm.IndicatorInput> rows) {
        return new ProjectForm(year, null, name, new ProjectForm.UnitInput(unit, null), null, new BigDecimal("100"),
                new BigDecimal("100"), BigDecimal.ZERO, null, "用途", "目标", List.of(), new java.util.ArrayList<>(rows));
    }

    /** Submitted by the unit, approved by its department and by finance. */
    Long approved(ProjectForm form, Caller unit, Caller department) {
        Long id = projects.create(form).id();
        work.submit(id, null, unit);
        work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意", null), department);
        work.complete(Approvals.current(tasks, id).getId(), new Decision("approve", "同意", null), FINANCE);
        return id;
    }

    static SelfEvaluationSubmissions.IndicatorInput actual(int index, String number) {
        return new SelfEvaluationSubmissions.IndicatorInput(index, new BigDecimal(number), null, null, null, null,
                "偏差原因及改进措施");
    }

    void publish(Long id, String spent, SelfEvaluationSubmissions.IndicatorInput... actuals) {
        submissions.submit(id, new SelfEvaluationSubmissions.Submission(null, new BigDecimal(spent), "完成",
                List.of(actuals)), UNIT_980);
        work.complete(fixture.taskIn(id, "self-evaluation").getId(), new Decision("approve", "同意", null), DEPT_980);
        var recheck = fixture.taskIn(id, "self-evaluation");
        if (recheck != null && "UserTask_FinanceRecheck".equals(recheck.getTaskDefinitionKey())) {
            work.complete(recheck.getId(), new Decision("approve", "复核无异议", null), FINANCE);
        }
    }
}
