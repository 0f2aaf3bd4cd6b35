package org.openperf.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openperf.evaluation.SelfEvaluationReport;
import org.openperf.evaluation.SelfEvaluationReports;
import org.openperf.evaluation.SelfEvaluationSubmissions;
import org.openperf.evaluation.SheetView;
import org.openperf.kernel.Finding;
import org.openperf.kernel.Scope;
import org.openperf.targets.PreviousProject;
import org.openperf.targets.PreviousProjects;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectForm;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode with two years (issue 19): the Qingdao 2024 tables approved, self-evaluated with the generator's actuals
 * and published through the workflow, and their 2025 drafts linked to them, on which every year-over-year finding
 * shows; the generator gives the same report again; a second start adds nothing.
 */
@SpringBootTest(properties = {"perf.demo.load-fixtures=true", "perf.demo.monitoring=true",
        "perf.demo.two-years=true"})
@ActiveProfiles("test")
class DemoTwoYearsTest {

    @Autowired
    DemoData demo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectService projects;
    @Autowired
    PreviousProjects previous;
    @Autowired
    SelfEvaluationSubmissions submissions;
    @Autowired
    SelfEvaluationReports reports;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ObjectMapper json;

    SheetView readSheet(String text) {
        try {
            return json.readValue(text, SheetView.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void qingdaoIsPublishedFor2024AndDrafted2025WithEveryYearOverYearFinding() throws Exception {
        long approved = count("select count(*) from project where fiscal_year = 2024 and version >= 1");
        long published = count("select count(*) from self_evaluation where fiscal_year = 2024"
                + " and status = 'PUBLISHED'");
        Map<String, Integer> grades = new TreeMap<>();
        jdbc.query("select grade, count(*) from self_evaluation where status = 'PUBLISHED' group by grade",
                rs -> {
                    grades.put(rs.getString(1), rs.getInt(2));
                });
        System.out.println("Demo two years: approved " + approved + ", published " + published + ", grades "
                + grades);
        // Every table approved through the workflow is published; the others are drafts 校验 sent back with an
        // error of the source table itself (a missing 指标值, a repeated 三级 name …), left for a preparer to fix.
        assertThat(approved).isGreaterThan(80);
        assertThat(published).isEqualTo(approved);
        for (Project p : projects.tables(2024, null, Scope.ALL)) {
            if (p.getVersion() < 1) {
                assertThat(p.getStatus().name()).isEqualTo("DRAFT");
                assertThat(projects.validate(p.getId(), Scope.ALL)).as(p.getName()).anyMatch(Finding::isError);
            }
        }
        assertThat(grades.keySet()).as("grades spread").hasSizeGreaterThanOrEqualTo(3);
        // Finance re-checked its sample (and every 差) through 财政复核 before publication.
        assertThat(count("select count(*) from self_evaluation where rechecked_by = 'finance'")).isPositive();

        List<Project> drafts = projects.tables(2025, null, Scope.ALL).stream()
                .filter(p -> p.getUnit() != null && p.getUnit().getCode().startsWith("402")).toList();
        assertThat(drafts).hasSize(98).allMatch(p -> "DRAFT".equals(p.getStatus().name()));
        Map<String, Integer> findings = new TreeMap<>();
        int linked = 0;
        for (Project d : drafts) {
            PreviousProject last = tx.execute(t -> previous.of(projects.table(d.getId())).orElse(null));
            if (last != null && last.year() == 2024) {
                linked++;
            }
            for (Finding f : projects.validate(d.getId(), Scope.ALL)) {
                if (f.rule().startsWith("yoy.")) {
                    findings.merge(f.rule(), 1, Integer::sum);
                }
            }
        }
        System.out.println("Demo two years: 2025 drafts linked " + linked + ", findings " + findings);
        assertThat(linked).isEqualTo(98);
        assertThat(findings.keySet()).containsExactlyInAnyOrder("yoy.target.below-actual", "yoy.target.unchanged",
                "yoy.indicator.dropped", "yoy.grade.budget-up");
        // Most targets are raised properly: the findings concern a minority of the tables.
        assertThat(findings.values().stream().mapToInt(Integer::intValue).sum()).isLessThan(98 * 3);

        // Reproducible: the stored report is what the generator gives again for the same table.
        Long id = jdbc.queryForObject("select id from project where fiscal_year = 2024 and name = '博士后资助资金'",
                Long.class);
        SelfEvaluationSubmissions.Submission again = tx.execute(t -> DemoActuals.report(projects.table(id),
                submissions.prefill(id, Scope.ALL)));
        String stored = jdbc.queryForObject("select actuals_json from self_evaluation where project_id = ?",
                String.class, id);
        assertThat(json.readTree(json.writeValueAsString(again))).isEqualTo(json.readTree(stored));

        // … and the 2025 draft what the next-year generator gives again from the published sheet.
        String sheet = jdbc.queryForObject("select sheet_json from self_evaluation where project_id = ?",
                String.class, id);
        ProjectForm next = tx.execute(t -> DemoNextYear.draft(projects.table(id),
                readSheet(sheet), 2025));
        Long draftId = jdbc.queryForObject("select id from project where fiscal_year = 2025 and name = '博士后资助资金'",
                Long.class);
        ProjectView draft = projects.view(draftId, Scope.ALL);
        assertThat(draft.budget()).isEqualByComparingTo(next.budget());
        assertThat(draft.indicators().stream().map(i -> i.name() + " " + (i.value() == null ? null : i.value().text())))
                .containsExactlyElementsOf(next.indicators().stream()
                        .map(i -> i.name() + " " + (i.value() == null ? null : i.value().text())).toList());

        long opinions = count("select count(*) from review_opinion");
        long evaluations = count("select count(*) from self_evaluation");
        demo.run(null); // what a second start does
        assertThat(count("select count(*) from project")).isEqualTo(98 + 98 + 23);
        assertThat(count("select count(*) from self_evaluation")).isEqualTo(evaluations);
        assertThat(count("select count(*) from review_opinion")).isEqualTo(opinions);
    }

    /** One department's 自评 summary reads that department's tables only, and still finds every one of its 自评. */
    @Test
    void aDepartmentsSummaryHasEveryScoredTableOfThatDepartmentAndNoOther() {
        List<SelfEvaluationReport> all = reports.reports(2024, null, Scope.ALL);
        assertThat(all).hasSize((int) count("select count(*) from self_evaluation where fiscal_year = 2024"
                + " and sheet_json is not null"));
        String department = all.get(0).departmentCode();
        List<Long> expected = all.stream().filter(r -> department.equals(r.departmentCode()))
                .map(SelfEvaluationReport::projectId).toList();

        assertThat(reports.reports(2024, department, Scope.ALL)).extracting(SelfEvaluationReport::projectId)
                .containsExactlyElementsOf(expected);
        assertThat(reports.reports(2024, " " + department + " ", Scope.ALL))
                .extracting(SelfEvaluationReport::projectId).containsExactlyElementsOf(expected);
        // A reviewer of another department asking for this one sees nothing of it.
        assertThat(reports.reports(2024, department, new Scope(false, List.of(), List.of("x" + department)))).isEmpty();
        assertThat(reports.reports(2024, "no-such-department", Scope.ALL)).isEmpty();
    }
}
