package org.openperf.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openperf.imports.ReadResult;
import org.openperf.imports.TargetTableReader;
import org.openperf.targets.Indicator;
import org.openperf.targets.Operator;
import org.openperf.targets.Project;

/** Layout F: the downloaded template, filled in as a preparer would, imports as one table. */
class TemplateImportTest {

    static void set(Sheet s, int row, int col, String value) {
        Row r = s.getRow(row) != null ? s.getRow(row) : s.createRow(row);
        (r.getCell(col) != null ? r.getCell(col) : r.createCell(col)).setCellValue(value);
    }

    static void set(Sheet s, int row, int col, double value) {
        Row r = s.getRow(row) != null ? s.getRow(row) : s.createRow(row);
        (r.getCell(col) != null ? r.getCell(col) : r.createCell(col)).setCellValue(value);
    }

    @Test
    void aFilledTemplateImportsAsOneTable() throws IOException {
        ByteArrayOutputStream blank = new ByteArrayOutputStream();
        new TemplateWriter().write(blank);
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(blank.toByteArray()))) {
            Sheet s = wb.getSheet("绩效目标表");
            set(s, 0, 0, "1.财源建设工作经费绩效目标表");
            set(s, 1, 0, "402001 青岛市人力资源和社会保障局本级");
            set(s, 2, 1, "37020024P000000000001");
            set(s, 3, 1, "财源建设工作经费");
            set(s, 4, 2, 12);
            set(s, 4, 4, 12);
            set(s, 4, 6, 0);
            set(s, 5, 1, "用于组织财务人员培训");
            set(s, 7, 1, 30);
            set(s, 7, 2, 60);
            set(s, 7, 3, 90);
            set(s, 7, 4, 100);
            set(s, 8, 1, "提高人社系统财务工作规范化水平");
            String[][] rows = {
                    {"成本指标", "经济成本指标", "培训标准", "反映培训人均费用", "≤550 元/人天", "财政标准", "20"},
                    {"产出指标", "数量指标", "每期培训人数", "反映培训人数", "≥40 人", "计划", "30"},
                    {"效益指标", "社会效益指标", "财务政策规范知晓度", "反映知晓度", "≥95%", "历史", "30"},
                    {"满意度指标", "服务对象满意度指标", "培训人员满意度", "反映满意度", "≥90%", "行业", "10"}};
            for (int i = 0; i < rows.length; i++) {
                for (int c = 0; c < rows[i].length; c++) {
                    set(s, 10 + i, c, rows[i][c]);
                }
            }
            wb.write(filled);
        }
        ReadResult r = TargetTableReader.read(new ByteArrayInputStream(filled.toByteArray()), "模板.xlsx", 2024);
        assertThat(r.problems()).noneMatch(p -> p.severity() == org.openperf.kernel.Severity.ERROR);
        assertThat(r.tables()).hasSize(1);
        Project p = r.tables().get(0).project();
        assertThat(r.tables().get(0).unitCode()).isEqualTo("402001");
        assertThat(p.getName()).isEqualTo("财源建设工作经费");
        assertThat(p.getCode()).isEqualTo("37020024P000000000001");
        assertThat(p.getBudget()).isEqualByComparingTo("12");
        assertThat(p.getOtherFunds()).isEqualByComparingTo("0");
        assertThat(p.getSpendingPlan()).extracting(e -> e.getMonth()).containsExactly(3, 6, 10, 12);
        assertThat(p.getSpendingPlan().get(3).getCumulativePercent()).isEqualByComparingTo("100");
        assertThat(p.getIndicators()).hasSize(4);
        Indicator first = p.getIndicators().get(0);
        assertThat(first.getValue().getOperator()).isEqualTo(Operator.LE);
        assertThat(first.getBasis()).isEqualTo("财政标准");
        assertThat(p.getIndicators()).extracting(Indicator::getWeight).extracting(w -> w.intValue())
                .containsExactly(20, 30, 30, 10);
    }
}
