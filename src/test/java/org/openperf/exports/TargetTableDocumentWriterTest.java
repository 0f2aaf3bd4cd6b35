package org.openperf.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Indicator;
import org.openperf.targets.Project;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

class TargetTableDocumentWriterTest {

    static XWPFDocument doc;

    @BeforeAll
    static void write() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TargetTableDocumentWriter().write(SampleProjects.all(), bytes);
        doc = new XWPFDocument(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void eachTableIsPrecededByItsTitleParagraph() {
        List<IBodyElement> body = doc.getBodyElements();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).getElementType() == BodyElementType.TABLE) {
                IBodyElement before = body.get(i - 1);
                assertThat(before.getElementType()).isEqualTo(BodyElementType.PARAGRAPH);
                titles.add(((XWPFParagraph) before).getText());
            }
        }
        assertThat(titles).containsExactly("1.人力资源和社会保障经费绩效目标表", "2.人社局专户项目（单位资金）绩效目标表",
                "3.公益性岗位补贴绩效目标表");
        assertThat(doc.getTables()).hasSize(3);
    }

    @Test
    void firstTableHasTheTianjinBlocks() {
        XWPFTable t = doc.getTables().get(0);
        assertThat(cells(t.getRow(0))).containsExactly("402001青岛市人力资源和社会保障局本级", "", "", "", "", "",
                "单位：万元");
        assertThat(cells(t.getRow(1))).containsExactly("项目编码", "37020024P000000000001");
        assertThat(gridSpan(t.getRow(1).getCell(1))).isEqualTo(6);
        assertThat(cells(t.getRow(2))).containsExactly("项目名称", "人力资源和社会保障经费");
        assertThat(gridSpan(t.getRow(2).getCell(1))).isEqualTo(6);
        assertThat(cells(t.getRow(3))).containsExactly("预算规模及资金用途", "预算数", "835.00", "其中：财政资金", "835.00",
                "其他资金", "");
        assertThat(vMerge(t.getRow(3).getCell(0))).isEqualTo("restart");
        assertThat(cells(t.getRow(4))).containsExactly("", p0().getPurpose());
        assertThat(vMerge(t.getRow(4).getCell(0))).isEqualTo("continue");
        assertThat(gridSpan(t.getRow(4).getCell(1))).isEqualTo(6);
        assertThat(cells(t.getRow(5))).containsExactly("资金支出计划（%）", "3月底", "6月底", "10月底", "12月底", "", "");
        assertThat(cells(t.getRow(6))).containsExactly("", "30.00", "60.00", "90.00", "100.00", "", "");
        assertThat(vMerge(t.getRow(5).getCell(0))).isEqualTo("restart");
        assertThat(vMerge(t.getRow(6).getCell(0))).isEqualTo("continue");
        assertThat(cells(t.getRow(7))).containsExactly("绩效目标", p0().getGoal());
        assertThat(cells(t.getRow(8))).containsExactly("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                "指标值确定依据", "分值权重");
        assertThat(t.getNumberOfRows()).isEqualTo(9 + 8);
        for (XWPFTableRow row : t.getRows()) {
            int width = 0;
            for (XWPFTableCell c : row.getTableCells()) {
                width += gridSpan(c);
            }
            assertThat(width).as("every row covers the seven grid columns").isEqualTo(7);
        }
    }

    @Test
    void indicatorRunsAreVerticallyMergedAndInOrder() {
        XWPFTable t = doc.getTables().get(0);
        List<String> l1 = new ArrayList<>();
        List<String> l2 = new ArrayList<>();
        for (int r = 9; r < t.getNumberOfRows(); r++) {
            l1.add(vMerge(t.getRow(r).getCell(0)));
            l2.add(vMerge(t.getRow(r).getCell(1)));
        }
        // 成本 ×2 (经济成本 ×2), 产出 ×4 (数量 ×2, 质量, 时效), 效益, 满意度
        assertThat(l1).containsExactly("restart", "continue", "restart", "continue", "continue", "continue",
                "none", "none");
        assertThat(l2).containsExactly("restart", "continue", "restart", "continue", "none", "none", "none",
                "none");
        assertIndicators(t, 9, p0());

        XWPFTable older = doc.getTables().get(1);
        assertThat(cells(older.getRow(5))).containsExactly("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "",
                "");
        assertThat(cells(older.getRow(7)).get(1)).isEqualTo("成本指标");
        assertThat(vMerge(older.getRow(7).getCell(1))).isEqualTo("restart");
        assertThat(vMerge(older.getRow(8).getCell(1))).isEqualTo("continue");
        assertThat(vMerge(older.getRow(6).getCell(0))).isEqualTo("restart");
        assertIndicators(older, 6, SampleProjects.olderFramework());
    }

    @Test
    void amountsAndUnitsOfTheOtherTables() {
        XWPFTable older = doc.getTables().get(1);
        assertThat(cells(older.getRow(1))).as("no 项目编码 row without a code").containsExactly("项目名称",
                "人社局专户项目（单位资金）");
        assertThat(cells(older.getRow(2))).containsExactly("预算规模及资金用途", "预算数", "71.00", "其中：财政资金", "0.00",
                "其他资金", "71.00");
        XWPFTable tj = doc.getTables().get(2);
        assertThat(cells(tj.getRow(0)).get(0)).isEqualTo("353101天津市人力资源和社会保障局财务处");
        assertThat(cells(tj.getRow(2)).get(2)).isEqualTo("97.51");
        assertThat(cells(tj.getRow(3)).get(1)).isEqualTo("用于公益性岗位补贴。\n按季度拨付。");
    }

    @Test
    void pageIsLandscapeA4() {
        var size = doc.getDocument().getBody().getSectPr().getPgSz();
        assertThat(size.getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
        assertThat(((java.math.BigInteger) size.getW()).intValue()).isEqualTo(16838);
        assertThat(((java.math.BigInteger) size.getH()).intValue()).isEqualTo(11906);
    }

    // ---------------------------------------------------------------- helpers

    static Project p0() {
        return SampleProjects.withPlan();
    }

    /** 一级/二级 are read from the restart cell above, as Word shows the merge. */
    static void assertIndicators(XWPFTable t, int first, Project p) {
        String l1 = null;
        String l2 = null;
        for (int i = 0; i < p.getIndicators().size(); i++) {
            XWPFTableRow row = t.getRow(first + i);
            if (!"continue".equals(vMerge(row.getCell(0)))) {
                l1 = row.getCell(0).getText();
            }
            if (!"continue".equals(vMerge(row.getCell(1)))) {
                l2 = row.getCell(1).getText();
            }
            Indicator ind = p.getIndicators().get(i);
            assertThat(List.of(l1, l2, row.getCell(2).getText(), row.getCell(3).getText(), row.getCell(4).getText()))
                    .containsExactly(ind.getLevel1(), ind.getLevel2(), ind.getName(), ind.getDescription(),
                            ind.getValue().getText());
        }
    }

    static List<String> cells(XWPFTableRow row) {
        List<String> out = new ArrayList<>();
        for (XWPFTableCell c : row.getTableCells()) {
            out.add(c.getText());
        }
        return out;
    }

    static int gridSpan(XWPFTableCell c) {
        CTTcPr pr = c.getCTTc().getTcPr();
        return pr != null && pr.isSetGridSpan() ? pr.getGridSpan().getVal().intValue() : 1;
    }

    static String vMerge(XWPFTableCell c) {
        CTTcPr pr = c.getCTTc().getTcPr();
        if (pr == null || !pr.isSetVMerge()) {
            return "none";
        }
        return pr.getVMerge().isSetVal() && pr.getVMerge().getVal() == STMerge.RESTART ? "restart" : "continue";
    }
}
