package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openperf.kernel.Severity;

/** The two real published files: every table and every indicator row, and the quirks they carry. */
class FixtureReadTest {

    static ReadResult qingdao;
    static ReadResult tianjin;

    @BeforeAll
    static void read() throws IOException {
        qingdao = read("qingdao-2024-targets.xlsx", 2024);
        tianjin = read("tianjin-2025-targets.docx", 2025);
    }

    static ReadResult read(String name, int year) throws IOException {
        try (InputStream in = FixtureReadTest.class.getResourceAsStream("/fixtures/" + name)) {
            return TargetTableReader.read(in, name, year);
        }
    }

    static int indicatorCount(ReadResult r) {
        return r.tables().stream().mapToInt(t -> t.project().getIndicators().size()).sum();
    }

    static ImportedTable table(ReadResult r, String sheet, String title) {
        return r.tables().stream()
                .filter(t -> t.title().equals(title) && t.where().sheet().equals(sheet))
                .findFirst().orElseThrow(() -> new AssertionError("no table " + title + " in " + sheet));
    }

    static ImportedTable tableAt(ReadResult r, String where) {
        return r.tables().stream().filter(t -> t.where().toString().equals(where))
                .findFirst().orElseThrow(() -> new AssertionError("no table at " + where));
    }

    static Indicator indicator(ImportedTable t, String name) {
        return t.project().getIndicators().stream().filter(i -> name.equals(i.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no indicator " + name + " in " + t.title()));
    }

    static List<ImportProblem> problemsAt(ReadResult r, String location) {
        return r.problems().stream().filter(p -> p.location().equals(location)).toList();
    }

    // ------------------------------------------------------------------ Qingdao (layout A)

    @Test
    void qingdaoHasEveryTableAndIndicatorRow() {
        assertThat(qingdao.tables()).hasSize(98);
        assertThat(indicatorCount(qingdao)).isEqualTo(914);
        assertThat(qingdao.hasErrors()).isFalse();
        for (ImportedTable t : qingdao.tables()) {
            assertThat(t.indicatorRefs()).hasSameSizeAs(t.project().getIndicators());
            assertThat(t.unitCode()).matches("4020\\d\\d");
            assertThat(t.project().getName()).isNotBlank();
            assertThat(t.project().getGoal()).isNotBlank();
            assertThat(t.project().getYear()).isEqualTo(2024);
            assertThat(t.project().getBudget()).isNotNull();
        }
    }

    @Test
    void qingdaoFirstTable() {
        ImportedTable t = qingdao.tables().get(0);
        Project p = t.project();
        assertThat(t.title()).isEqualTo("人力资源和社会保障经费");
        assertThat(t.unitCode()).isEqualTo("402001");
        assertThat(t.unitName()).isEqualTo("青岛市人力资源和社会保障局本级");
        assertThat(t.where()).hasToString("青岛市人力资源和社会保障局本级!A1");
        assertThat(p.getName()).isEqualTo("人力资源和社会保障经费");
        assertThat(p.getBudget()).isEqualByComparingTo("835");
        assertThat(p.getFiscalFunds()).isEqualByComparingTo("835");
        assertThat(p.getOtherFunds()).isEqualByComparingTo("0");
        assertThat(p.getPurpose()).startsWith("用于开展人社政策宣传");
        assertThat(p.getGoal()).startsWith("通过开展人社政策宣传");
        assertThat(p.getIndicators()).hasSize(9);
        Indicator first = p.getIndicators().get(0);
        assertThat(first.getLevel1()).isEqualTo("成本指标");
        assertThat(first.getLevel2()).isEqualTo("经济成本指标");
        assertThat(first.getName()).isEqualTo("先模休假疗养人均费用");
        assertThat(first.getDescription()).isEqualTo("反映先模休假疗养人均费用");
        assertThat(first.getValue().getText()).isEqualTo("≤8000 元/人");
        // merged 一级 (A10:A14) and 二级 (B10:B11) carried down
        Indicator merged = p.getIndicators().get(3);
        assertThat(merged.getName()).isEqualTo("仲裁结案率");
        assertThat(merged.getLevel1()).isEqualTo("产出指标");
        assertThat(merged.getLevel2()).isEqualTo("数量指标");
        assertThat(t.indicatorRefs().get(3)).hasToString("青岛市人力资源和社会保障局本级!C11");
    }

    @Test
    void qingdaoBudgetFromOtherFundsOnly() {
        ImportedTable t = qingdao.tables().get(1);
        assertThat(t.title()).isEqualTo("人社局专户项目（单位资金）");
        assertThat(t.project().getBudget()).isEqualByComparingTo("71");
        assertThat(t.project().getFiscalFunds()).isEqualByComparingTo("0");
        assertThat(t.project().getOtherFunds()).isEqualByComparingTo("71");
    }

    @Test
    void qingdaoNumericCellReadsExactly() {
        ImportedTable t = table(qingdao, "青岛市人力资源和社会保障局本级", "人社局政务信息化运维项目");
        assertThat(t.project().getBudget()).isEqualTo(new BigDecimal("174.16"));
        assertThat(t.project().getFiscalFunds()).isEqualTo(new BigDecimal("174.16"));
    }

    @Test
    void qingdaoRowSlidLeftIsReadUnderItsParent() {
        ImportedTable t = table(qingdao, "青岛市公共就业和人才服务中心", "创业补贴及创业服务补贴");
        Indicator i = indicator(t, "项目验收时限");
        assertThat(i.getLevel1()).isEqualTo("产出指标");
        assertThat(i.getLevel2()).isEqualTo("时效指标");
        assertThat(i.getDescription()).isEqualTo("造梦成长计划项目验收时限");
        assertThat(i.getValue().getText()).isEqualTo("≤30 天");
        assertThat(t.project().getIndicators()).hasSize(9);
        assertThat(problemsAt(qingdao, "青岛市公共就业和人才服务中心!A86"))
                .singleElement().satisfies(p -> {
                    assertThat(p.severity()).isEqualTo(Severity.WARNING);
                    assertThat(p.message()).contains("左移", "时效指标");
                });
    }

    @Test
    void qingdaoSwappedLevelsAndRowSlidRight() {
        String sheet = "青岛市人力资源和社会保障局(系统)";
        ImportedTable t = table(qingdao, sheet, "青年见习及意外伤害保险补贴(补助区市)");
        List<Indicator> rows = t.project().getIndicators();
        assertThat(rows).hasSize(9);
        Indicator slid = rows.get(1);
        assertThat(slid.getName()).isEqualTo("就业见习人数");
        assertThat(slid.getLevel1()).isEqualTo("产出指标");
        assertThat(slid.getLevel2()).isEqualTo("数量指标");
        assertThat(slid.getValue()).isNull();
        assertThat(problemsAt(qingdao, sheet + "!B339")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("右移"));

        Indicator swapped = indicator(t, "就业见习补贴发放人数");
        assertThat(swapped.getLevel1()).isEqualTo("产出指标");
        assertThat(swapped.getLevel2()).isEqualTo("数量指标");
        assertThat(swapped.getValue().getText()).isEqualTo("≥200 人");
        assertThat(indicator(t, "补贴对象政策符合度").getLevel2()).isEqualTo("质量指标");
        assertThat(indicator(t, "审核时限").getLevel1()).isEqualTo("产出指标");
        assertThat(indicator(t, "审核时限").getLevel2()).isEqualTo("时效指标");
        for (int row = 340; row <= 343; row++) {
            assertThat(problemsAt(qingdao, sheet + "!A" + row)).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("填反"));
        }
        // rows after the swapped run are read normally again
        assertThat(indicator(t, "提供就业见习岗位").getLevel1()).isEqualTo("效益指标");
    }

    @Test
    void qingdaoSpacesLeftByPdfConversionAreRemovedSilently() {
        ImportedTable t = table(qingdao, "青岛市人力资源和社会保障局本级", "博士后资助资金");
        Indicator i = t.project().getIndicators().get(0);
        assertThat(i.getName()).isEqualTo("博士后设站资助标准");
        assertThat(indicator(t, "博士后站（基地）数量").getValue().getText()).isEqualTo("≥265 个");
        Indicator satisfaction = indicator(t, "博士后及博士设站单位满意度");
        assertThat(satisfaction.getLevel1()).isEqualTo("满意度指标");
        assertThat(satisfaction.getLevel2()).isEqualTo("服务对象满意度指标"); // 服务对象满 意度指标 in the file
        assertThat(qingdao.problems()).noneMatch(p -> p.location().startsWith("青岛市人力资源和社会保障局本级!"));
    }

    @Test
    void qingdaoLatexValuesAndValuesStoredAsFormulas() {
        ImportedTable hotline = tableAt(qingdao, "青岛市人力资源发展研究与促进中心!A196");
        assertThat(hotline.title()).isEqualTo("就业创业咨询指导服务（12333）");
        assertThat(indicator(hotline, "培训合格率").getValue().getText()).isEqualTo("≥95%"); // $\geq 95\%$
        ImportedTable central = table(qingdao, "青岛市社会保险事业中心", "2024 中央驻鲁机关事业单位养老保险制度改革补助资金");
        assertThat(indicator(central, "中央资金规模").getValue().getText()).isEqualTo("=9188 万元");
        assertThat(problemsAt(qingdao, "青岛市社会保险事业中心!E198")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("公式"));
    }

    @Test
    void qingdaoWarningsAreTheKnownQuirksOnly() {
        assertThat(qingdao.problems()).allMatch(p -> p.severity() == Severity.WARNING);
        Map<String, Long> kinds = qingdao.problems().stream().collect(Collectors.groupingBy(
                p -> p.message().contains("公式") ? "formula" : p.message().contains("左移") ? "slid-left"
                        : p.message().contains("右移") ? "slid-right" : p.message().contains("填反") ? "swapped" : "other",
                Collectors.counting()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(
                Map.of("formula", 17L, "slid-left", 4L, "slid-right", 1L, "swapped", 4L));
    }

    // ------------------------------------------------------------------ Tianjin (layout B)

    @Test
    void tianjinHasEveryTableAndIndicatorRow() {
        assertThat(tianjin.tables()).hasSize(23);
        assertThat(indicatorCount(tianjin)).isEqualTo(368);
        assertThat(tianjin.problems()).isEmpty();
        for (ImportedTable t : tianjin.tables()) {
            assertThat(t.indicatorRefs()).hasSameSizeAs(t.project().getIndicators());
            assertThat(t.unitCode()).isEqualTo("353101");
        }
    }

    @Test
    void tianjinFirstTable() {
        ImportedTable t = tianjin.tables().get(0);
        Project p = t.project();
        assertThat(t.title()).isEqualTo("局机关信息系统运维费");
        assertThat(t.unitCode()).isEqualTo("353101");
        assertThat(t.unitName()).isEqualTo("天津市人力资源和社会保障局财务处");
        assertThat(p.getName()).isEqualTo("局机关信息系统运维费");
        assertThat(p.getYear()).isEqualTo(2025);
        assertThat(p.getBudget()).isEqualTo(new BigDecimal("3540.00"));
        assertThat(p.getFiscalFunds()).isEqualTo(new BigDecimal("3540.00"));
        assertThat(p.getOtherFunds()).isEqualByComparingTo("0");
        assertThat(p.getPurpose()).isEqualTo("用于支付局机关信息化系统项目运行维护费。");
        assertThat(p.getGoal()).startsWith("1.通过聘请第三方");
        assertThat(p.getIndicators()).hasSize(12);
        Indicator cost = indicator(t, "信息化系统运行服务经费");
        assertThat(cost.getLevel1()).isEqualTo("产出指标");
        assertThat(cost.getLevel2()).isEqualTo("成本指标");
        assertThat(cost.getValue().getText()).isEqualTo("≤2216.61万元");
        Indicator vmerged = indicator(t, "项目尾款结算相对方满意度");
        assertThat(vmerged.getLevel1()).isEqualTo("满意度指标");
        assertThat(vmerged.getLevel2()).isEqualTo("服务对象满意度指标");
        assertThat(t.indicatorRefs().get(0)).hasToString("表格 1 第 7 行 第 3 列");
    }

    @Test
    void tianjinOtherFundsOnlyTable() {
        Map<String, ImportedTable> byTitle = tianjin.tables().stream()
                .collect(Collectors.toMap(ImportedTable::title, Function.identity()));
        ImportedTable t = byTitle.get("市人社局机关非财政拨款");
        assertThat(t.project().getBudget()).isEqualByComparingTo("5782.00");
        assertThat(t.project().getFiscalFunds()).isEqualByComparingTo("0");
        assertThat(t.project().getOtherFunds()).isEqualByComparingTo("5782.00");
        assertThat(indicator(byTitle.get("公共就业服务能力提升"), "公共就业服务推动指导监督工作经费")).isNotNull();
    }
}
