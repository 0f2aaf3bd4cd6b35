package org.openperf.validation;

import org.openperf.kernel.Severity;
import org.openperf.kernel.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openperf.imports.ImportProblem;
import org.openperf.imports.ImportedTable;
import org.openperf.imports.ReadResult;
import org.openperf.imports.TargetTableReader;
import org.openperf.targets.Department;
import org.openperf.targets.Project;
import org.openperf.targets.Unit;

/**
 * Validation over both real fixtures, asserting what a careful reviewer finds on specific Qingdao tables — and
 * what they would not bother the preparer with.
 */
class FixtureValidationTest {

    static ReadResult qingdao;
    static ReadResult tianjin;
    static final ValidationService validation = new ValidationService();

    @BeforeAll
    static void read() throws IOException {
        qingdao = read("qingdao-2024-targets.xlsx", 2024);
        tianjin = read("tianjin-2025-targets.docx", 2025);
    }

    static ReadResult read(String name, int year) throws IOException {
        try (InputStream in = FixtureValidationTest.class.getResourceAsStream("/fixtures/" + name)) {
            ReadResult r = TargetTableReader.read(in, name, year);
            for (ImportedTable t : r.tables()) {
                // As the import does: the unit named by the table (validation checks one is present).
                t.project().setUnit(new Unit(t.unitCode(), t.unitName(), new Department(null, "主管部门")));
            }
            return r;
        }
    }

    static ImportedTable table(ReadResult r, String name) {
        return r.tables().stream().filter(t -> t.project().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name));
    }

    static List<Finding> findings(ReadResult r, String name) {
        return validation.validate(table(r, name).project());
    }

    static List<ImportProblem> readerNotes(ReadResult r, String sheet, int fromRow, int toRow) {
        return r.problems().stream().filter(p -> p.where() != null && p.where().sheet().equals(sheet)
                && p.where().row() >= fromRow && p.where().row() <= toRow).toList();
    }

    @Test
    void theStartupSubsidyTableHasItsDeadlineValueInTheDescriptionColumn() {
        Project p = table(qingdao, "创业补贴及创业服务补贴").project();
        // Sheet row 86 (0-based 85): 时效指标 | 项目验收时限 | 造梦成长计划项目验收时限 | ≤30 天 — slid one column left.
        List<ImportProblem> notes = readerNotes(qingdao, "青岛市公共就业和人才服务中心", 85, 85);
        assertThat(notes).isNotEmpty();
        assertThat(notes).allMatch(n -> n.severity() == Severity.WARNING);
        assertThat(p.getIndicators()).anySatisfy(i -> {
            assertThat(i.getLevel2()).isEqualTo("时效指标");
            assertThat(i.getValue().getText()).isEqualTo("≤30 天");
            assertThat(i.getLevel1()).isEqualTo("产出指标");
        });
        assertThat(findings(qingdao, "创业补贴及创业服务补贴")).noneMatch(Finding::isError);
    }

    @Test
    void theYouthTraineeshipTableHasItsLevelColumnsSwapped() {
        String sheet = "青岛市人力资源和社会保障局(系统)";
        Project p = table(qingdao, "青年见习及意外伤害保险补贴(补助区市)").project();
        assertThat(readerNotes(qingdao, sheet, 337, 345)).isNotEmpty();
        assertThat(p.getIndicators()).filteredOn(i -> i.getName().startsWith("就业见习补贴发放人数"))
                .singleElement().satisfies(i -> {
                    assertThat(i.getLevel1()).isEqualTo("产出指标");
                    assertThat(i.getLevel2()).isEqualTo("数量指标");
                });
        List<Finding> f = findings(qingdao, "青年见习及意外伤害保险补贴(补助区市)");
        assertThat(f).noneMatch(x -> x.rule().startsWith("structure.level"));
        // The slid row 就业见习人数 carries no value: a reviewer sends that back.
        assertThat(f).anyMatch(x -> x.rule().equals("value.missing") && x.field().contains("就业见习人数"));
    }

    @Test
    void theSkillsTrainingTableNamesOneIndicatorTwiceWithDifferentValues() {
        List<Finding> f = findings(qingdao, "职业技能培训补助项目（补助区市）");
        assertThat(f).filteredOn(x -> x.rule().equals("indicator.name.duplicate")).singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.ERROR);
                    assertThat(x.message()).contains("企业职工岗前技能培训补贴");
                });
    }

    @Test
    void aBrokenSatisfactionLabelIsReadAsSatisfactionAndNotReported() {
        Project p = table(qingdao, "中介机构和个人引进高层次人才奖励").project();
        assertThat(p.getIndicators()).anyMatch(i -> "满意度指标".equals(i.getLevel1()));
        List<Finding> f = findings(qingdao, "中介机构和个人引进高层次人才奖励");
        assertThat(f).noneMatch(x -> x.rule().startsWith("structure."));
        assertThat(qingdao.problems()).noneMatch(n -> n.message().contains("满意度指 标"));
    }

    @Test
    void everyFixtureTableIsValidatedAndMostPassWithoutErrors() {
        long qingdaoClean = qingdao.tables().stream()
                .filter(t -> validation.validate(t.project()).stream().noneMatch(Finding::isError)).count();
        long tianjinClean = tianjin.tables().stream()
                .filter(t -> validation.validate(t.project()).stream().noneMatch(Finding::isError)).count();
        // Published tables are mostly right; the few with errors are the ones a reviewer would send back.
        assertThat(qingdaoClean).isGreaterThan(80).isLessThan(98);
        assertThat(tianjinClean).isGreaterThan(15);
    }
}
