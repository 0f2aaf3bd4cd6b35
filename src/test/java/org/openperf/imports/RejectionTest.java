package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openperf.imports.LayoutTestFiles.merge;
import static org.openperf.imports.LayoutTestFiles.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openperf.kernel.RejectedFileException;
import org.openperf.kernel.Severity;

/** Files that are not target tables are refused with a message the user can act on. */
class RejectionTest {

    static ReadResult read(byte[] bytes, String name) {
        return TargetTableReader.read(new ByteArrayInputStream(bytes), name, 2024);
    }

    static byte[] fixture() throws Exception {
        try (InputStream in = RejectionTest.class.getResourceAsStream("/fixtures/qingdao-2024-targets.xlsx")) {
            return in.readAllBytes();
        }
    }

    @Test
    void textRenamedToXlsx() {
        byte[] csv = "项目名称,预算数\n人力资源和社会保障经费,835\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(csv, "目标表.xlsx"))
                .isInstanceOf(RejectedFileException.class)
                .hasMessage("文件不是 Excel（.xlsx）或 Word（.docx）文档：目标表.xlsx");
    }

    @Test
    void emptyFile() {
        assertThatThrownBy(() -> read(new byte[0], "空.xlsx"))
                .isInstanceOf(RejectedFileException.class)
                .hasMessageContaining("文件为空");
    }

    @Test
    void truncatedWorkbook() throws Exception {
        byte[] full = fixture();
        byte[] half = Arrays.copyOf(full, full.length / 2);
        assertThatThrownBy(() -> read(half, "qingdao.xlsx"))
                .isInstanceOf(RejectedFileException.class)
                .hasMessageContaining("文件已损坏或不完整");
    }

    @Test
    void oldXlsWorkbook() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("绩效目标").createRow(0).createCell(0).setCellValue("项目名称");
            wb.write(out);
        }
        assertThatThrownBy(() -> read(out.toByteArray(), "旧表.xls"))
                .isInstanceOf(RejectedFileException.class)
                .hasMessageContaining("旧版 Excel（.xls）")
                .hasMessageContaining("另存为 .xlsx");
    }

    @Test
    void zipThatIsNeitherWorkbookNorDocument() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> read(out.toByteArray(), "a.docx"))
                .isInstanceOf(RejectedFileException.class)
                .hasMessageContaining("a.docx");
    }

    @Test
    void zipBombIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(fixture()));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/media/image1.bin"));
            zip.write(new byte[40 * 1024 * 1024]); // 40 MB of zeros: ratio far below POI's 1 %
            zip.closeEntry();
        }
        assertThatThrownBy(() -> read(out.toByteArray(), "bomb.xlsx"))
                .isInstanceOf(RejectedFileException.class)
                .hasMessageContaining("压缩炸弹");
    }

    @Test
    void workbookWithoutAnyTable() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        row(wb.createSheet("说明"), 0, "本文件没有表格");
        byte[] bytes = LayoutTestFiles.bytes(wb);
        assertThatThrownBy(() -> read(bytes, "说明.xlsx"))
                .isInstanceOf(RejectedFileException.class)
                .hasMessageStartingWith("未找到绩效目标表");
    }

    @Test
    void projectWithoutIndicatorHeaderIsAnError() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("目标表");
        row(s, 0, "1.就业补助资金绩效目标表");
        merge(s, 0, 0, 0, 6);
        row(s, 1, "402001 青岛市人力资源和社会保障局本级", null, null, null, null, null, "单位：万元");
        row(s, 2, "项目名称", "就业补助资金");
        merge(s, 2, 2, 1, 6);
        row(s, 3, "预算规模及资金用途", "预算数", 100, "其中：财政资金", 100, "其他资金");
        row(s, 4, "绩效目标", "促进就业");
        row(s, 5, "成本指标", "经济成本指标", "补贴标准", "反映补贴标准", "≤1000 元/人");
        // a second table whose indicator header has no 项目名称 above it
        row(s, 7, "2.职业培训补贴绩效目标表");
        row(s, 8, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值");
        row(s, 9, "产出指标", "数量指标", "培训人数", "反映培训人数", "≥100 人");
        ReadResult r = read(LayoutTestFiles.bytes(wb), "缺表头.xlsx");
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.tables()).isEmpty();
        assertThat(r.problems()).filteredOn(p -> p.severity() == Severity.ERROR)
                .extracting(ImportProblem::location)
                .containsExactly("目标表!A3", "目标表!A9");
        assertThat(r.problems().get(0).message())
                .isEqualTo("项目「就业补助资金」下没有找到指标表头（一级指标、二级指标、三级指标、指标值），无法作为绩效目标表读取");
        assertThat(r.problems().get(1).message()).contains("项目名称");
    }
}
