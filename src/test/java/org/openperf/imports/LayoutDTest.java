package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.openperf.imports.LayoutTestFiles.merge;
import static org.openperf.imports.LayoutTestFiles.row;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;

/** Layout D: city budget documents (主管部门 / 实施单位, 项目资金 block, 绩效指标 merged down the rows). */
class LayoutDTest {

    static byte[] cityWorkbook() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("项目支出绩效目标表");
        row(s, 0, "项目支出绩效目标表");
        merge(s, 0, 0, 0, 4);
        row(s, 1, "(2024年度)");
        merge(s, 1, 1, 0, 4);
        row(s, 2, "项目名称", "城乡居民基本养老保险市级补助");
        merge(s, 2, 2, 1, 4);
        row(s, 3, "主管部门", "某市人力资源和社会保障局", null, "实施单位", "某市社会保险事业中心");
        row(s, 4, "项目资金 (万元)", "年度预算资金总额：", "35,690.00");
        row(s, 5, null, "其中：财政拨款", "35,690.00");
        row(s, 6, null, "其他资金", null);
        merge(s, 4, 6, 0, 0);
        for (int r = 4; r <= 6; r++) {
            merge(s, r, r, 2, 4);
        }
        row(s, 7, "年度总体绩效目标", "按时足额发放城乡居民基础养老金，保障参保居民基本生活。");
        merge(s, 7, 7, 1, 4);
        row(s, 8, null, "一级指标", "二级指标", "三级指标", "指标值");
        row(s, 9, "绩效指标", "产出指标", "数量指标", "参保缴费人数", "≥ 120 万人");
        row(s, 10, null, null, "质量指标", "养老金按时足额发放率", "100%");
        row(s, 11, null, null, "时效指标", "补助资金拨付时间", "≤11月30日");
        row(s, 12, null, "成本指标", "经济成本指标", "人均补助标准", "≤1500 元/人");
        row(s, 13, null, "效益指标", "社会效益指标", "城乡居民养老保险参保率", "≥95%");
        row(s, 14, null, null, "可持续影响指标", "制度可持续运行", "长期");
        row(s, 15, null, "满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%");
        merge(s, 9, 15, 0, 0);
        merge(s, 9, 11, 1, 1);
        merge(s, 13, 14, 1, 1);
        row(s, 16, "注：指标值中“≥”表示不低于。");
        merge(s, 16, 16, 0, 4);
        return LayoutTestFiles.bytes(wb);
    }

    @Test
    void readsDepartmentUnitFundsBlockAndMergedIndicatorColumn() throws Exception {
        ReadResult r = TargetTableReader.read(new ByteArrayInputStream(cityWorkbook()), "市级.xlsx", 2024);
        assertThat(r.problems()).isEmpty();
        assertThat(r.tables()).singleElement().satisfies(t -> {
            Project p = t.project();
            assertThat(t.title()).isEqualTo("城乡居民基本养老保险市级补助");
            assertThat(t.where()).hasToString("项目支出绩效目标表!A1");
            assertThat(t.unitCode()).isNull();
            assertThat(t.unitName()).isEqualTo("某市社会保险事业中心");
            assertThat(t.departmentName()).isEqualTo("某市人力资源和社会保障局");
            assertThat(p.getName()).isEqualTo("城乡居民基本养老保险市级补助");
            assertThat(p.getBudget()).isEqualTo(new BigDecimal("35690.00"));
            assertThat(p.getFiscalFunds()).isEqualTo(new BigDecimal("35690.00"));
            assertThat(p.getOtherFunds()).isEqualByComparingTo("0");
            assertThat(p.getPurpose()).isNull();
            assertThat(p.getGoal()).isEqualTo("按时足额发放城乡居民基础养老金，保障参保居民基本生活。");
            assertThat(p.getIndicators())
                    .extracting(Indicator::getLevel1, Indicator::getLevel2, Indicator::getName, Indicator::getDescription,
                            i -> i.getValue().getText())
                    .containsExactly(
                            tuple("产出指标", "数量指标", "参保缴费人数", null, "≥ 120 万人"),
                            tuple("产出指标", "质量指标", "养老金按时足额发放率", null, "100%"),
                            tuple("产出指标", "时效指标", "补助资金拨付时间", null, "≤11月30日"),
                            tuple("成本指标", "经济成本指标", "人均补助标准", null, "≤1500 元/人"),
                            tuple("效益指标", "社会效益指标", "城乡居民养老保险参保率", null, "≥95%"),
                            tuple("效益指标", "可持续影响指标", "制度可持续运行", null, "长期"),
                            tuple("满意度指标", "服务对象满意度指标", "参保群众满意度", null, "≥90%"));
            assertThat(t.indicatorRefs().get(0)).hasToString("项目支出绩效目标表!D10");
        });
    }
}
