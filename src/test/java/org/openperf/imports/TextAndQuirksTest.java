package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openperf.imports.LayoutTestFiles.merge;
import static org.openperf.imports.LayoutTestFiles.row;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Indicator;

class TextAndQuirksTest {

    @Test
    void removesSpacesOnlyBetweenCjkCharacters() {
        assertThat(Text.clean("博士后设站 资助标准")).isEqualTo("博士后设站资助标准");
        assertThat(Text.clean("满意度指 标")).isEqualTo("满意度指标");
        assertThat(Text.clean("博士后站 （基地）数 量")).isEqualTo("博士后站（基地）数量");
        assertThat(Text.clean("  ≤8000\u00a0 元/人 ")).isEqualTo("≤8000 元/人");
        assertThat(Text.clean("12333 咨询来 件办结率")).isEqualTo("12333 咨询来件办结率");
        assertThat(Text.clean("$\\geq 95\\%$")).isEqualTo("≥95%");
        assertThat(Text.clean("<p>1.目标一。</p> <p>2.目标二。</p>")).isEqualTo("1.目标一。 2.目标二。");
    }

    @Test
    void formLabelsCompareWithoutSpacesFullWidthPunctuationOrTheUnitSuffix() {
        assertThat(Text.key("项目名称")).isEqualTo("项目名称");
        assertThat(Text.key("项目 名称：")).isEqualTo("项目名称");
        assertThat(Text.key("年度资金总额（万元）")).isEqualTo("年度资金总额");
        assertThat(Text.key("年度资金总额(单位:万元)")).isEqualTo("年度资金总额");
        assertThat(Text.key("绩效指标:")).isEqualTo("绩效指标");
        assertThat(Text.key("\u3000实施单位\u200B")).isEqualTo("实施单位");
        assertThat(Text.key("其中(财政资金)")).isEqualTo("其中(财政资金)");
        assertThat(Text.key("")).isEmpty();
        assertThat(Text.key(null)).isEmpty();
    }

    @Test
    void readsAmountsExactly() {
        assertThat(Text.amount("1, 800. 00").value()).isEqualTo(new BigDecimal("1800.00"));
        assertThat(Text.amount("1, 800. 00").repaired()).isTrue();
        assertThat(Text.amount("35,690.00").value()).isEqualTo(new BigDecimal("35690.00"));
        assertThat(Text.amount("35,690.00").repaired()).isFalse();
        assertThat(Text.amount("174.16").value()).isEqualTo(new BigDecimal("174.16"));
        assertThat(Text.amount("８３５万元").value()).isEqualTo(new BigDecimal("835"));
        assertThat(Text.amount("待定")).isNull();
        assertThat(Text.amount("")).isNull();
    }

    @Test
    void valueInDescriptionColumnIsReadAsValueWithWarning() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("本级");
        row(s, 0, "1.档案管理经费绩效目标表");
        merge(s, 0, 0, 0, 6);
        row(s, 1, "402001 青岛市人力资源和社会保障局本级", null, null, null, null, null, "单位：万元");
        row(s, 2, "项目名称", "档案管理经费");
        merge(s, 2, 2, 1, 6);
        row(s, 3, "预算规模及资金用途", "预算数", 174.16, "其中：财政资金", 100.1, "其他资金", 74.06);
        row(s, 4, null, "用于档案管理。");
        merge(s, 3, 4, 0, 0);
        merge(s, 4, 4, 1, 6);
        row(s, 5, "绩效目标", "档案应管尽管。");
        row(s, 6, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值");
        row(s, 7, "产出指标", "数量指标", "管理档案数量", "≥55172 份");
        row(s, 8, null, "质量指标", "档案完好率", "反映档案完好情况", "100%");
        row(s, 9, "满意度指 标", "服务对象满 意度", "存档人员满意度", "反映满意度", "≥90%");
        ReadResult r = TargetTableReader.read(new ByteArrayInputStream(LayoutTestFiles.bytes(wb)), "a.xlsx", 2024);
        var p = r.tables().get(0).project();
        assertThat(p.getBudget()).isEqualTo(new BigDecimal("174.16"));
        assertThat(p.getFiscalFunds()).isEqualTo(new BigDecimal("100.1"));
        assertThat(p.getOtherFunds()).isEqualTo(new BigDecimal("74.06"));
        assertThat(p.getPurpose()).isEqualTo("用于档案管理。");
        Indicator moved = p.getIndicators().get(0);
        assertThat(moved.getValue().getText()).isEqualTo("≥55172 份");
        assertThat(moved.getDescription()).isNull();
        Indicator carried = p.getIndicators().get(1);
        assertThat(carried.getLevel1()).isEqualTo("产出指标"); // blank 一级 carried down without a merge
        Indicator satisfaction = p.getIndicators().get(2);
        assertThat(satisfaction.getLevel1()).isEqualTo("满意度指标");
        assertThat(satisfaction.getLevel2()).isEqualTo("服务对象满意度指标");
        assertThat(r.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.location()).isEqualTo("本级!D8");
            assertThat(pr.message()).contains("描述栏");
        });
    }
}
