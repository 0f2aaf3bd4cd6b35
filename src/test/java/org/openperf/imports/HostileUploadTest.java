package org.openperf.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openperf.imports.LayoutTestFiles.merge;
import static org.openperf.imports.LayoutTestFiles.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Hostile and broken uploads, each with the answer it must get: a 4xx with a Chinese message naming what is wrong
 * (and nothing stored), or a 200 with the draft stored and the finding a reviewer must see. Never a 5xx, a hang or
 * an out-of-memory. Small static files live in {@code src/test/resources/hostile/} (made by
 * {@link HostileCorpusGenerator}); big and table-shaped ones are built here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileUploadTest {

    static final List<String> TABLES = List.of("project", "indicator", "unit", "department", "import_batch");
    static final int YEAR = 2024;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void setUp() {
        http = http.withBasicAuth("admin", "demo");
        // The importing department of the cross-department case exists, as it would for a real department user.
        if (jdbc.queryForObject("select count(*) from department where code = '402'", Long.class) == 0) {
            jdbc.update("insert into department (code, name) values ('402', '青岛市人力资源和社会保障局')");
        }
    }

    // ---------------------------------------------------------------- the cases

    interface Source {
        byte[] bytes() throws Exception;
    }

    /**
     * One upload and what it must get. {@code status} 200: {@code projects}/{@code indicators} stored exactly,
     * {@code units} the unit codes the file names (new ones are created), {@code expected} rule ids or message
     * fragments among the problems. Otherwise: nothing stored and {@code expected} fragments of the message.
     */
    record Case(String name, String fileName, Source file, Map<String, String> params, int status,
                int projects, int indicators, List<String> units, List<String> expected,
                Consumer<Outcome> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Outcome(JsonNode body, JdbcTemplate jdbc) {
    }

    static Case refused(String name, String fileName, Source file, int status, String... keywords) {
        return new Case(name, fileName, file, Map.of(), status, 0, 0, List.of(), List.of(keywords), null);
    }

    static Case accepted(String name, String fileName, Source file, int projects, int indicators, List<String> units,
                         String... findings) {
        return new Case(name, fileName, file, Map.of(), 200, projects, indicators, units, List.of(findings), null);
    }

    static Case with(Case c, Map<String, String> params) {
        return new Case(c.name, c.fileName, c.file, params, c.status, c.projects, c.indicators, c.units, c.expected,
                c.check);
    }

    static Case with(Case c, Consumer<Outcome> check) {
        return new Case(c.name, c.fileName, c.file, c.params, c.status, c.projects, c.indicators, c.units, c.expected,
                check);
    }

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        // -- not a workbook at all
        cases.add(refused("text renamed .xlsx", "目标表.xlsx", res("text-renamed.xlsx"), 422, "不是 Excel", "目标表.xlsx"));
        cases.add(refused("PNG renamed .xlsx", "截图.xlsx", res("picture.xlsx"), 422, "不是 Excel", "截图.xlsx"));
        cases.add(refused("CSV", "targets.csv", res("targets.csv"), 422, "不是 Excel", "targets.csv"));
        cases.add(refused("empty file", "空.xlsx", res("empty.xlsx"), 422, "为空"));
        cases.add(refused("old .xls", "旧表.xls", res("old-format.xls"), 422, ".xls", "另存为"));
        cases.add(refused("encrypted (agile)", "加密.xlsx", res("encrypted.xlsx"), 422, "文件已加密", "取消密码", "加密.xlsx"));
        cases.add(refused("truncated xlsx", "半个.xlsx", res("truncated.xlsx"), 422, "已损坏或不完整", "半个.xlsx"));
        cases.add(refused("zip bomb (120 MB sheet)", "bomb.xlsx", res("zip-bomb.xlsx"), 422, "压缩炸弹", "bomb.xlsx"));
        cases.add(refused("docx with billion laughs DTD", "lol.docx", res("billion-laughs.docx"), 422, "DOCTYPE",
                "lol.docx"));
        cases.add(with(refused("docx with external entity file:///etc/passwd", "xxe.docx", res("xxe.docx"), 422,
                "DOCTYPE", "xxe.docx"), o -> assertThat(o.body().toString()).doesNotContain("root:")));
        cases.add(refused("zip entry of 120 MB at a ratio above POI's bomb threshold", "大条目.xlsx",
                HostileUploadTest::bigEntry, 422, "解压后的大小异常", "大条目.xlsx"));
        cases.add(refused("1001 sheets", "1001表.xlsx", () -> sheets(1001), 422, "部件过多", "1001表.xlsx"));
        cases.add(refused("xlsx with billion laughs DTD in the sheet XML", "lol.xlsx", HostileUploadTest::laughingSheet,
                422, "DOCTYPE", "lol.xlsx"));
        cases.add(refused("60 MB over the upload limit", "大文件.xlsx", HostileUploadTest::oversize, 413, "50 MB"));
        cases.add(refused("no file part", null, null, 400, "缺少上传文件"));
        cases.add(with(refused("year 99999", "a.xlsx", () -> layoutA("930001", a -> { }), 400, "预算年度", "99999"),
                Map.of("year", "99999")));
        // -- too big inside
        cases.add(refused("200,000 rows", "20万行.xlsx", HostileUploadTest::manyRows, 422, "行的上限", "20万行.xlsx"));
        cases.add(refused("one value at row 1,048,576 under a merge of the whole sheet", "远行.xlsx",
                HostileUploadTest::farRowUnderMerge, 422, "行的上限", "远行.xlsx", "第 1048576 行"));
        cases.add(refused("1,000 merges of the same 40,000 rows", "重叠合并.xlsx", HostileUploadTest::overlappingMerges,
                422, "合并单元格过多", "重叠合并.xlsx", "A1:P40000"));
        cases.add(refused("one sheet listed 2,000 times in the workbook", "重复表.xlsx",
                HostileUploadTest::sheetListedTwice, 422, "已损坏", "重复表.xlsx"));
        cases.add(refused("a cell of 1 MB text", "长文字.xlsx", HostileUploadTest::megabyteCell, 422, "绩效目标",
                "1048576 字", "上限", "本级!A"));
        cases.add(refused("budget 10 trillion 万元 (beyond numeric(18,6))", "巨额.xlsx",
                () -> layoutA("932001", a -> a.budget = "10000000000000"), 422, "预算数", "范围"));
        // -- not a target table
        cases.add(refused("merged cells over the whole sheet", "合并.xlsx", HostileUploadTest::mergedSheet, 422,
                "未找到绩效目标表"));
        cases.add(refused("docx: 1000-row table without header", "无表头.docx", HostileUploadTest::headerlessDocx, 422,
                "未找到绩效目标表"));
        cases.add(refused("sheet name with invalid UTF-8 bytes", "坏编码.xlsx", () -> sheetNameBytes(false), 422,
                "已损坏", "坏编码.xlsx"));
        cases.add(with(refused("unit 353101 imported with department=402", "跨部门.xlsx",
                () -> layoutA("353101", a -> a.unitName = "天津市人力资源和社会保障局本级"), 422, "353101", "402"),
                Map.of("department", "402")));
        // -- accepted, with the finding a reviewer must see
        cases.add(accepted("xlsm with a vbaProject part", "宏.xlsm", res("macro.xlsm"), 1, 4, List.of("402001"), "宏"));
        cases.add(with(accepted("control characters in cells (_x0001_ escapes, NUL)", "控制字符.xlsx",
                HostileUploadTest::controlCharacters, 1, 4, List.of("933001")), o -> {
                    String name = o.jdbc().queryForObject("select name from project where id = ?", String.class,
                            o.body().get("projects").get(0).get("id").asLong());
                    assertThat(name).isEqualTo("控制字符项目");
                    assertThat(o.jdbc().queryForList("select name from indicator where project_id = ?", String.class,
                            o.body().get("projects").get(0).get("id").asLong())).contains("培训人数");
                }));
        cases.add(with(accepted("formulas in every value and description cell (=1+1, HYPERLINK, DDE)", "公式.xlsx",
                HostileUploadTest::formulas, 1, 4, List.of("934001"), "公式"), o -> {
                    List<String> values = o.jdbc().queryForList("select value_text from indicator where project_id = ?"
                            + " order by position", String.class, o.body().get("projects").get(0).get("id").asLong());
                    assertThat(values).contains("=1+1", "=cmd|' /C calc'!A0");
                }));
        cases.add(accepted("budget -5", "负数.xlsx", () -> layoutA("935001", a -> {
            a.budget = -5;
            a.fiscal = -5;
        }), 1, 4, List.of("935001"), "project.amount.negative"));
        cases.add(accepted("budget NaN", "NaN.xlsx", () -> layoutA("936001", a -> a.budget = "NaN"), 1, 4,
                List.of("936001"), "不是数字", "project.budget.missing"));
        cases.add(accepted("budget 1e308", "1e308.xlsx", () -> layoutA("937001", a -> a.budget = 1e308), 1, 4,
                List.of("937001"), "不是数字", "project.budget.missing"));
        cases.add(with(accepted("指标值 NaN", "值NaN.xlsx", () -> layoutA("938001", a -> a.indicators[0][4] = "NaN"), 1,
                4, List.of("938001")), o -> assertThat(o.jdbc().queryForMap("select value_kind, value_number from"
                + " indicator where project_id = ? and position = 0", o.body().get("projects").get(0).get("id").asLong()))
                .as("NaN is text, never a number").containsEntry("VALUE_NUMBER", null)));
        cases.add(accepted("指标值 2月30日", "2月30日.xlsx", () -> layoutA("939001", a -> a.indicators[0][4] = "≤2月30日"), 1,
                4, List.of("939001"), "value.unparsed"));
        cases.add(accepted("funds do not add up", "不平.xlsx", () -> layoutA("940001", a -> {
            a.budget = 100;
            a.fiscal = 60;
            a.other = 30;
        }), 1, 4, List.of("940001"), "project.funds.sum"));
        cases.add(accepted("duplicate indicator names", "重复指标.xlsx",
                () -> layoutA("941001", a -> a.indicators[1][2] = a.indicators[0][2]), 1, 4, List.of("941001"),
                "indicator.name.duplicate"));
        cases.add(accepted("duplicate project names in one file", "重复项目.xlsx", HostileUploadTest::duplicateProjects,
                2, 8, List.of("942001"), "project.name.duplicate"));
        cases.add(accepted("500 sheets", "500表.xlsx", () -> sheets(500), 1, 4, List.of("943001")));
        cases.add(with(accepted("GBK-encoded workbook.xml (non-UTF-8 sheet name)", "GBK.xlsx",
                () -> sheetNameBytes(true), 1, 4, List.of("944001")), o -> {
                    try {
                        assertThat(TargetTableReader.read(new java.io.ByteArrayInputStream(sheetNameBytes(true)),
                                "GBK.xlsx", YEAR).tables().get(0).where().sheet()).isEqualTo("档案");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }));
        cases.add(with(accepted("path traversal in the file name", "../../etc/passwd.xlsx",
                () -> layoutA("945001", a -> { }), 1, 4, List.of("945001")), o -> {
                    String stored = storedFileName(o);
                    assertThat(stored).doesNotContain("/").doesNotContain("\\");
                }));
        cases.add(with(accepted("300-character file name", "绩".repeat(295) + ".xlsx",
                () -> layoutA("946001", a -> { }), 1, 4, List.of("946001")), o ->
                assertThat(storedFileName(o).length()).isLessThanOrEqualTo(200)));
        String only = System.getProperty("hostile.only");
        return cases.stream().filter(c -> only == null || c.name().contains(only));
    }

    static String storedFileName(Outcome o) {
        return o.jdbc().queryForObject("select file_name from import_batch where id = ?", String.class,
                o.body().get("importId").asLong());
    }

    // ---------------------------------------------------------------- the test

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpus")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void answersEveryHostileUploadHonestly(Case c) throws Exception {
        byte[] content = c.file() == null ? null : c.file().bytes();
        Map<String, Long> before = counts();
        Set<String> newUnits = new LinkedHashSet<>();
        Set<String> newDepartments = new LinkedHashSet<>();
        for (String code : c.units()) {
            if (count("unit where code = ?", code) == 0) {
                newUnits.add(code);
                if (count("department where code = ?", code.substring(0, 3)) == 0) {
                    newDepartments.add(code.substring(0, 3));
                }
            }
        }

        ResponseEntity<String> r = upload(content, c.fileName(), c.params());
        content = null; // let the 60 MB go before the next case

        int status = r.getStatusCode().value();
        assertThat(status).as("never a 5xx: " + r.getBody()).isLessThan(500);
        assertThat(status).as(r.getBody()).isEqualTo(c.status());
        JsonNode body = json.readTree(r.getBody());
        Map<String, Long> after = counts();
        if (status != 200) {
            String message = body.get("message").asText();
            assertThat(message).as("a Chinese message").matches("(?s).*\\p{IsHan}.*");
            assertThat(message).contains(c.expected());
            assertThat(after).as("nothing stored").isEqualTo(before);
        } else {
            assertThat(body.get("duplicateOf")).isNull();
            assertThat(body.get("projects")).hasSize(c.projects());
            assertThat(body.get("indicatorCount").asInt()).isEqualTo(c.indicators());
            Map<String, Long> expected = new LinkedHashMap<>(before);
            expected.merge("project", (long) c.projects(), Long::sum);
            expected.merge("indicator", (long) c.indicators(), Long::sum);
            expected.merge("unit", (long) newUnits.size(), Long::sum);
            expected.merge("department", (long) newDepartments.size(), Long::sum);
            expected.merge("import_batch", 1L, Long::sum);
            assertThat(after).as("exactly the file's tables stored").isEqualTo(expected);
            // The findings travel with the stored batch, not only with this answer.
            JsonNode batch = json.readTree(http.getForObject("/api/imports/" + body.get("importId").asLong(),
                    String.class));
            String problems = batch.get("problems").toString();
            for (String finding : c.expected()) {
                assertThat(problems).as("finding " + finding).contains(finding);
            }
        }
        if (c.check() != null) {
            c.check().accept(new Outcome(body, jdbc));
        }
    }

    Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        TABLES.forEach(t -> m.put(t, count(t)));
        return m;
    }

    long count(String from, Object... args) {
        return jdbc.queryForObject("select count(*) from " + from, Long.class, args);
    }

    ResponseEntity<String> upload(byte[] content, String fileName, Map<String, String> params) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        if (content != null) {
            form.add("file", new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
        } else {
            form.add("other", "没有文件");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        StringBuilder url = new StringBuilder("/api/imports?year=" + params.getOrDefault("year", "" + YEAR));
        params.forEach((k, v) -> {
            if (!k.equals("year")) {
                url.append('&').append(k).append('=').append(v);
            }
        });
        return http.postForEntity(url.toString(), new HttpEntity<>(form, headers), String.class);
    }

    // ---------------------------------------------------------------- the files

    static Source res(String name) {
        return () -> {
            try (InputStream in = HostileUploadTest.class.getResourceAsStream("/hostile/" + name)) {
                assertThat(in).as(name).isNotNull();
                return in.readAllBytes();
            }
        };
    }

    /** A layout-A (Qingdao) table; the fields are what a case changes before it is written. */
    static final class TableA {
        int no = 1;
        String unitCode;
        String unitName = "测试单位本级";
        String name = "档案管理经费";
        Object budget = 174.16;
        Object fiscal = 100.1;
        Object other = 74.06;
        String purpose = "用于档案管理。";
        String goal = "档案应管尽管。";
        Object[][] indicators = {
                {"产出指标", "数量指标", "管理档案数量", "反映数量", "≥55172 份"},
                {"成本指标", "经济成本指标", "档案管理成本", "反映成本", "≤174.16 万元"},
                {"效益指标", "社会效益指标", "档案利用", "反映利用", "有效"},
                {"满意度指标", "服务对象满意度指标", "存档人员满意度", "反映满意度", "≥90%"}};

        TableA(String unitCode) {
            this.unitCode = unitCode;
        }

        /** Writes the table from row {@code r}; answers the next free row. */
        int write(Sheet s, int r) {
            row(s, r, no + "." + name + "绩效目标表");
            row(s, r + 1, unitCode + " " + unitName, null, null, null, null, null, "单位：万元");
            row(s, r + 2, "项目名称", name);
            row(s, r + 3, "预算规模及资金用途", "预算数", budget, "其中：财政资金", fiscal, "其他资金", other);
            row(s, r + 4, null, purpose);
            row(s, r + 5, "绩效目标", goal);
            row(s, r + 6, "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值");
            for (int i = 0; i < indicators.length; i++) {
                row(s, r + 7 + i, indicators[i]);
            }
            if (!(s.getWorkbook() instanceof SXSSFWorkbook)) {
                merge(s, r + 3, r + 4, 0, 0);
            }
            return r + 8 + indicators.length;
        }
    }

    static byte[] layoutA(String unitCode, Consumer<TableA> change) throws Exception {
        TableA t = new TableA(unitCode);
        change.accept(t);
        XSSFWorkbook wb = new XSSFWorkbook();
        t.write(wb.createSheet("本级"), 0);
        return LayoutTestFiles.bytes(wb);
    }

    /** The 绩效目标 cell holds 1,048,576 characters, written into the XML (POI's API stops at Excel's 32,767). */
    static byte[] megabyteCell() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("本级");
        new TableA("931001").write(s, 0);
        XSSFCell goal = (XSSFCell) s.getRow(5).createCell(1);
        goal.getCTCell().setT(org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.INLINE_STR);
        // Random CJK text: a repeated one compresses so well that POI rightly calls the file a zip bomb.
        java.util.Random random = new java.util.Random(42);
        StringBuilder text = new StringBuilder(1 << 20);
        while (text.length() < 1 << 20) {
            text.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        goal.getCTCell().addNewIs().setT(text.toString());
        return LayoutTestFiles.bytes(wb);
    }

    /**
     * A workbook whose sheet unpacks to 120 MB at a ratio POI's bomb check (1:100) lets through: POI's cap of
     * 100 MB per entry must stop it before it is held in memory.
     */
    static byte[] bigEntry() throws Exception {
        byte[] table = layoutA("950001", a -> { });
        return patch(table, "xl/worksheets/sheet1.xml", sheet -> {
            String xml = new String(sheet, StandardCharsets.UTF_8);
            int cut = xml.indexOf("</sheetData>");
            ByteArrayOutputStream big = new ByteArrayOutputStream(130 << 20);
            big.writeBytes(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            java.util.Random random = new java.util.Random(7);
            byte[] block = new byte[64];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < (120 << 20) / 64; i++) {
                block[random.nextInt(64)] = (byte) ('a' + random.nextInt(26));
                block[random.nextInt(64)] = ' ';
                big.writeBytes(block);
            }
            big.writeBytes(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
            return big.toByteArray();
        });
    }

    /** A table whose sheet XML declares the billion-laughs entities and uses them in a cell. */
    static byte[] laughingSheet() throws Exception {
        return patch(layoutA("951001", a -> { }), "xl/worksheets/sheet1.xml", sheet -> {
            String xml = new String(sheet, StandardCharsets.UTF_8);
            int end = xml.indexOf("</row>");
            xml = xml.substring(0, end) + "<c r=\"H1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c>" + xml.substring(end);
            String dtd = HostileCorpusGenerator.billionLaughs();
            dtd = dtd.substring(dtd.indexOf("<!DOCTYPE"), dtd.indexOf("]>") + 2).replace("w:document", "worksheet");
            int root = xml.indexOf("<worksheet");
            return (xml.substring(0, root) + dtd + "\n" + xml.substring(root)).getBytes(StandardCharsets.UTF_8);
        });
    }

    static byte[] oversize() {
        byte[] b = new byte[60 * 1024 * 1024];
        b[0] = 'P';
        b[1] = 'K';
        return b;
    }

    /** A real table followed by 200,000 rows of indicators, written by streaming so the test stays small. */
    static byte[] manyRows() throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("本级");
            int r = new TableA("947001").write(s, 0) - 1;
            for (int i = 0; i < 200_000; i++) {
                row(s, r + i, "产出指标", "数量指标", "指标" + i, "反映数量", "≥" + i + " 个");
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    /** One merged region A1:XFD1048576, its text a label the reader looks for. */
    static byte[] mergedSheet() throws Exception {
        return mergedWorkbook("合并", 0, "A1:XFD1048576", 1);
    }

    /** Two rows in the XML, the second at Excel's last row, and one merge over everything between. */
    static byte[] farRowUnderMerge() throws Exception {
        return mergedWorkbook("远行", 1_048_575, "A1:XFD1048576", 1);
    }

    /**
     * A value at row 40,000 and the same merge of 640,000 cells a thousand times, a few bytes each in the XML: one
     * is within the budget, the second is not.
     */
    static byte[] overlappingMerges() throws Exception {
        return mergedWorkbook("合并", 39_999, "A1:P40000", 1000);
    }

    /**
     * A sheet with 项目名称 in A1, an {@code x} at {@code lastRow} (when it is not 0) and {@code region} merged
     * {@code times} times, written into the XML: POI's API counts the cells of A1:XFD1048576 in an int and refuses
     * the region, and refuses overlapping ones.
     */
    private static byte[] mergedWorkbook(String sheetName, int lastRow, String region, int times) throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet(sheetName);
        row(s, 0, "项目名称");
        if (lastRow > 0) {
            row(s, lastRow, "x");
        }
        var merges = ((org.apache.poi.xssf.usermodel.XSSFSheet) s).getCTWorksheet().addNewMergeCells();
        for (int i = 0; i < times; i++) {
            merges.addNewMergeCell().setRef(region);
        }
        return LayoutTestFiles.bytes(wb);
    }

    /** The table's sheet named 2,000 more times under other names, each a few bytes in workbook.xml. */
    static byte[] sheetListedTwice() throws Exception {
        return patch(layoutA("952001", a -> { }), "xl/workbook.xml", workbook -> {
            String xml = new String(workbook, StandardCharsets.UTF_8);
            java.util.regex.Matcher first = java.util.regex.Pattern.compile("<sheet [^>]*/>").matcher(xml);
            assertThat(first.find()).isTrue();
            StringBuilder copies = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                copies.append(first.group().replaceFirst("name=\"[^\"]*\"", "name=\"copy" + i + "\"")
                        .replaceFirst("sheetId=\"[^\"]*\"", "sheetId=\"" + (i + 100) + "\""));
            }
            return (xml.substring(0, first.end()) + copies + xml.substring(first.end()))
                    .getBytes(StandardCharsets.UTF_8);
        });
    }

    static byte[] headerlessDocx() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("附件：明细");
        XWPFTable t = LayoutTestFiles.wordTable(doc);
        for (int i = 0; i < 1000; i++) {
            LayoutTestFiles.wordRow(t, "第" + i + "行", "数据" + i, "" + i);
        }
        return LayoutTestFiles.bytes(doc);
    }

    /** A table whose value, description and name cells are formulas without a cached result. */
    static byte[] formulas() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("本级");
        new TableA("934001").write(s, 0);
        String[] f = {"1+1", "HYPERLINK(\"http://evil.example/\",\"点击\")", "cmd|' /C calc'!A0", "SUM(1,2)"};
        for (int i = 0; i < 4; i++) {
            Row row = s.getRow(7 + i);
            XSSFCell value = (XSSFCell) row.createCell(4);
            value.getCTCell().addNewF().setStringValue(f[i]);
            XSSFCell description = (XSSFCell) row.createCell(3);
            description.getCTCell().addNewF().setStringValue(f[(i + 1) % 4]);
        }
        return LayoutTestFiles.bytes(wb);
    }

    static byte[] duplicateProjects() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet s = wb.createSheet("本级");
        TableA t = new TableA("942001");
        int r = t.write(s, 0);
        t.no = 2;
        t.purpose = "同名的第二张表。";
        t.write(s, r);
        return LayoutTestFiles.bytes(wb);
    }

    /** A table on the first sheet, then empty ones. */
    static byte[] sheets(int count) throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        new TableA(count == 500 ? "943001" : "949001").write(wb.createSheet("本级"), 0);
        for (int i = 2; i <= count; i++) {
            wb.createSheet("空表" + i).createRow(0).createCell(0).setCellValue("说明 " + i);
        }
        return LayoutTestFiles.bytes(wb);
    }

    /**
     * Control characters as Excel stores them in OOXML ({@code _x0001_}); POI's own writer would turn them into
     * {@code ?}, so the shared strings are patched.
     */
    static byte[] controlCharacters() throws Exception {
        byte[] xlsx = layoutA("933001", a -> {
            a.name = "控制〔1〕字符〔7〕项目〔1B〕";
            a.indicators[0][2] = "培训〔0〕人数";
        });
        return patch(xlsx, "xl/sharedStrings.xml", b -> new String(b, StandardCharsets.UTF_8)
                .replaceAll("〔([0-9A-F]+)〕", "_x000$1_").replace("_x0001B_", "_x001B_")
                .getBytes(StandardCharsets.UTF_8));
    }

    static byte[] patch(byte[] xlsx, String entry, java.util.function.UnaryOperator<byte[]> change) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(entry) ? change.apply(data) : data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * The sheet named 档案 in workbook.xml, its bytes GBK: declared as GBK (legal XML, read), or declared UTF-8
     * (malformed XML, refused).
     */
    static byte[] sheetNameBytes(boolean declared) throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        new TableA(declared ? "944001" : "948001").write(wb.createSheet("档案"), 0);
        return patch(LayoutTestFiles.bytes(wb), "xl/workbook.xml", data -> {
            String xml = new String(data, StandardCharsets.UTF_8);
            return (declared ? xml.replaceFirst("encoding=\"UTF-8\"", "encoding=\"GBK\"") : xml)
                    .getBytes(Charset.forName("GBK"));
        });
    }
}
