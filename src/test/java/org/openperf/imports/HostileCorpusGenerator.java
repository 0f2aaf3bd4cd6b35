package org.openperf.imports;

import static org.openperf.imports.LayoutTestFiles.merge;
import static org.openperf.imports.LayoutTestFiles.row;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Builds the static files of the hostile-upload corpus in {@code src/test/resources/hostile/} once; the output is
 * committed, so this runs only when asked: {@code mvn -o test -Dtest=HostileCorpusGenerator -Dhostile.generate=true}.
 */
@EnabledIfSystemProperty(named = "hostile.generate", matches = "true")
class HostileCorpusGenerator {

    static final Path DIR = Path.of("src/test/resources/hostile");

    @Test
    void generate() throws Exception {
        Files.createDirectories(DIR);
        write("text-renamed.xlsx", "这是一段说明文字，不是工作簿。\r\n项目名称：人力资源和社会保障经费\r\n"
                .getBytes(StandardCharsets.UTF_8));
        write("picture.xlsx", png());
        write("targets.csv", ("1.人力资源和社会保障经费绩效目标表\n402001 青岛市人力资源和社会保障局本级,,,,,,单位：万元\n"
                + "项目名称,人力资源和社会保障经费\n预算规模及资金用途,预算数,835,其中：财政资金,835,其他资金,0\n"
                + "一级指标,二级指标,三级指标,绩效指标描述,指标值\n产出指标,数量指标,培训人数,反映培训人数,≥200 人次\n")
                .getBytes(StandardCharsets.UTF_8));
        write("empty.xlsx", new byte[0]);
        write("old-format.xls", xls());
        byte[] table = table();
        write("encrypted.xlsx", encrypted(table));
        write("macro.xlsm", macro());
        write("truncated.xlsx", Arrays.copyOf(table, table.length * 3 / 5));
        write("zip-bomb.xlsx", zipBomb());
        write("billion-laughs.docx", docxWithDocument(billionLaughs()));
        write("xxe.docx", docxWithDocument(externalEntity()));
        // The corpus stays small enough to commit: every file under 200 KB.
        try (var files = Files.list(DIR)) {
            org.assertj.core.api.Assertions.assertThat(files.toList()).hasSizeGreaterThanOrEqualTo(11)
                    .allSatisfy(p -> org.assertj.core.api.Assertions.assertThat(Files.size(p)).isLessThan(200 * 1024));
        }
    }

    static void write(String name, byte[] bytes) throws Exception {
        Files.write(DIR.resolve(name), bytes);
    }

    static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** The Qingdao layout (A) with one table: what a user meant to upload. */
    static void fill(Workbook wb) {
        Sheet s = wb.createSheet("本级");
        row(s, 0, "1.档案管理经费绩效目标表");
        row(s, 1, "402001 青岛市人力资源和社会保障局本级", null, null, null, null, null, "单位：万元");
        row(s, 2, "项目名称", "档案管理经费");
        row(s, 3, "预算规模及资金用途", "预算数", 174.16, "其中：财政资金", 100.1, "其他资金", 74.06);
        row(s, 4, null, "用于档案管理。");
        row(s, 5, "绩效目标", "档案应管尽管。");
        row(s, 6, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值");
        row(s, 7, "产出指标", "数量指标", "管理档案数量", "反映数量", "≥55172 份");
        row(s, 8, "成本指标", "经济成本指标", "档案管理成本", "反映成本", "≤174.16 万元");
        row(s, 9, "效益指标", "社会效益指标", "档案利用", "反映利用", "有效");
        row(s, 10, "满意度指标", "服务对象满意度指标", "存档人员满意度", "反映满意度", "≥90%");
        merge(s, 3, 4, 0, 0);
    }

    static byte[] table() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        fill(wb);
        return LayoutTestFiles.bytes(wb);
    }

    static byte[] xls() throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The same table protected with the password 123456 (agile encryption, as Excel 2010+ does it). */
    static byte[] encrypted(byte[] xlsx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("123456");
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx)); OutputStream os = enc.getDataStream(fs)) {
                pkg.save(os);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A macro-enabled workbook whose vbaProject part claims to start a calculator when opened. */
    static byte[] macro() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook(XSSFWorkbookType.XLSM);
        fill(wb);
        byte[] xlsm = LayoutTestFiles.bytes(wb);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsm));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PackagePartName name = PackagingURIHelper.createPartName("/xl/vbaProject.bin");
            PackagePart vba = pkg.createPart(name, "application/vnd.ms-office.vbaProject");
            try (OutputStream os = vba.getOutputStream()) {
                os.write("Attribute VB_Name = \"ThisWorkbook\"\r\nSub Auto_Open()\r\n  Shell \"calc.exe\"\r\nEnd Sub\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            }
            PackagePart workbook = pkg.getPart(PackagingURIHelper.createPartName("/xl/workbook.xml"));
            workbook.addRelationship(name, TargetMode.INTERNAL,
                    "http://schemas.microsoft.com/office/2006/relationships/vbaProject");
            pkg.save(out);
            return out.toByteArray();
        }
    }

    /** A workbook whose only sheet inflates from about 120 KB to 120 MB (deflate cannot do better than about 1:1000). */
    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"炸弹\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目名称</t></is></c></row>"
                    .getBytes(StandardCharsets.UTF_8));
            // Whitespace between rows is legal XML and deflates at the format's best ratio (about 1:1000).
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 120; i++) {
                zip.write(block);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static void entry(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE w:document [\n<!ENTITY lol \"lol\">\n");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + dtd
                + "<w:document xmlns:w=\"" + W + "\"><w:body>" + tableXml("&lol9;") + "</w:body></w:document>";
    }

    static String externalEntity() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<w:document xmlns:w=\"" + W + "\"><w:body>" + tableXml("&xxe;") + "</w:body></w:document>";
    }

    /** A Tianjin-style (layout B) table whose project name is the given XML text. */
    static String tableXml(String projectName) {
        String[][] rows = {
                {"项目名称", projectName},
                {"预算规模及资金用途", "预算数", "10", "其中：财政资金", "10", "其他资金", "0"},
                {"绩效目标", "完成任务。"},
                {"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"},
                {"产出指标", "数量指标", "培训人数", "反映人数", "≥200 人次"},
                {"满意度指标", "服务对象满意度指标", "满意度", "反映满意度", "≥90%"}};
        StringBuilder sb = new StringBuilder("<w:p><w:r><w:t>1.测试项目绩效目标表</w:t></w:r></w:p><w:tbl>");
        for (String[] r : rows) {
            sb.append("<w:tr>");
            for (String c : r) {
                sb.append("<w:tc><w:p><w:r><w:t>").append(c).append("</w:t></w:r></w:p></w:tc>");
            }
            sb.append("</w:tr>");
        }
        return sb.append("</w:tbl>").toString();
    }

    /** A document made by POI with its main part replaced. */
    static byte[] docxWithDocument(String documentXml) throws Exception {
        byte[] plain;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("x");
            plain = LayoutTestFiles.bytes(doc);
        }
        return replaceEntry(plain, "word/document.xml", documentXml.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] replaceEntry(byte[] zipBytes, String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(name) ? content : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
