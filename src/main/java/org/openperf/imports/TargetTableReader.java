package org.openperf.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openperf.kernel.RejectedFileException;

/**
 * Reads an uploaded file into the target tables it holds. Dispatches on the file's content, not its name: a zip
 * package with {@code xl/} is a workbook (every visible sheet is searched), one with {@code word/} a Word
 * document (every table is searched); anything else is refused with an {@link RejectedFileException}. Zip
 * packages are opened through POI's guards (default limits: inflate ratio 1:100, 100 MB per entry, 1000 entries);
 * a workbook's rows are counted by a streaming pass before its sheets are loaded.
 */
public final class TargetTableReader {

    /** Uploads larger than this are refused before they are parsed. */
    public static final int MAX_BYTES = 50 * 1024 * 1024;

    /**
     * Rows of all sheets of a workbook together. The largest published files (Qingdao: 98 tables) have about 2,000;
     * loading a sheet costs memory per row, so a file far beyond any real one is refused before it is loaded.
     */
    public static final int MAX_ROWS = 50_000;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private TargetTableReader() {
    }

    public static ReadResult read(InputStream in, String fileName, int fiscalYear) {
        String name = name(fileName);
        Opened file = open(in, name);
        BlockTableParser.ReaderState state = new BlockTableParser.ReaderState();
        if (file.macros()) {
            state.problems.add(ImportProblem.warning(null, "文件含有宏（VBA 代码）：宏不会被执行，只读取了表格内容"));
        }
        for (Grid g : file.grids()) {
            state.problems.addAll(g.notes());
            if (!FlatListParser.parse(g, fiscalYear, state)) {
                BlockTableParser.parse(g, fiscalYear, state);
            }
        }
        DepartmentTableRead department = DepartmentTableParser.parse(file.grids(), state.problems);
        if (state.tables.isEmpty() && state.problems.isEmpty() && department == null) {
            throw new RejectedFileException("未找到绩效目标表：文件中没有「项目名称」和「一级指标、二级指标、三级指标」表头，"
                    + "也没有部门整体绩效目标的「活动名称 … 绩效指标 … 优 良 中 差」表头：" + name);
        }
        return new ReadResult(List.copyOf(state.tables), List.copyOf(state.problems), department);
    }

    /**
     * The department activity targets of a file (活动编码 · 活动名称 · … · 绩效指标 · 指标描述 · 优 · 良 · 中 · 差): each
     * indicator row with its grading bands. Reading them as a department table is not done here.
     */
    public static ActivityTargets readActivities(InputStream in, String fileName) {
        String name = name(fileName);
        List<ActivityTargets.Row> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Grid g : open(in, name).grids()) {
            ActivityTableParser.parse(g, rows, problems);
        }
        return new ActivityTargets(List.copyOf(rows), List.copyOf(problems));
    }

    private static String name(String fileName) {
        return fileName == null || fileName.isBlank() ? "（未命名文件）" : fileName;
    }

    private record Opened(List<Grid> grids, boolean macros) {
    }

    /** The grids of a workbook or Word document, opened through POI's guards; anything else is refused. */
    private static Opened open(InputStream in, String name) {
        byte[] bytes = readAll(in, name);
        checkPackage(bytes, name, TARGET_FILES);
        List<Grid> grids;
        boolean macros = false;
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            for (PackagePart part : pkg.getParts()) {
                macros |= part.getPartName().getName().toLowerCase(java.util.Locale.ROOT).contains("vbaproject");
            }
            grids = grids(pkg, name);
        } catch (RejectedFileException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(e, name, TARGET_FILES);
        } finally {
            if (pkg != null) {
                pkg.revert(); // read only: close without writing anything back
            }
        }
        return new Opened(grids, macros);
    }

    private static final String TARGET_FILES = "Excel（.xlsx）或 Word（.docx）文档";
    private static final String WORKBOOKS = "Excel（.xlsx）工作簿";

    /**
     * Opens an uploaded workbook through the same guards as a target table's import (size, encryption, old formats,
     * zip bombs, too many parts, DOCTYPEs, the row limit) for another feature to read, e.g. the execution data
     * upload; what the workbook holds is {@code work}'s to read, and its own refusals pass through unchanged.
     */
    public static <T> T readWorkbook(byte[] content, String fileName, Function<Workbook, T> work) {
        String name = fileName == null || fileName.isBlank() ? "（未命名文件）" : fileName;
        byte[] bytes = content == null ? new byte[0] : content;
        if (bytes.length > MAX_BYTES) {
            throw new RejectedFileException("文件超过 " + (MAX_BYTES / 1024 / 1024) + " MB，已拒绝：" + name);
        }
        checkPackage(bytes, name, WORKBOOKS);
        OPCPackage pkg = null;
        try {
            XSSFWorkbook wb;
            try {
                pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
                boolean xl = false;
                for (PackagePart part : pkg.getParts()) {
                    xl |= part.getPartName().getName().startsWith("/xl/");
                }
                if (!xl) {
                    throw new RejectedFileException("文件不是 " + WORKBOOKS + "：" + name);
                }
                checkSize(pkg, name);
                XlsxGrids.refuseRepeatedSheets(pkg);
                wb = new XSSFWorkbook(pkg);
            } catch (RejectedFileException e) {
                throw e;
            } catch (Exception e) {
                throw unreadable(e, name, WORKBOOKS);
            }
            return work.apply(wb);
        } finally {
            if (pkg != null) {
                pkg.revert(); // read only: close without writing anything back
            }
        }
    }

    /** What the bytes must be before a zip package is opened: not empty, not encrypted, not an old format. */
    private static void checkPackage(byte[] bytes, String name, String accepted) {
        if (bytes.length == 0) {
            throw new RejectedFileException("文件为空：" + name);
        }
        if (startsWith(bytes, OLE2)) {
            if (isEncrypted(bytes)) {
                throw new RejectedFileException("文件已加密（设置了打开密码），无法读取：" + name
                        + "。请在 Excel / Word 中取消密码（文件 → 信息 → 保护 → 用密码进行加密，清空密码）后再上传");
            }
            throw new RejectedFileException("文件是旧版 Excel（.xls）/ Word（.doc）格式：" + name
                    + "。请在 Excel / Word 中另存为 .xlsx 或 .docx 后再上传");
        }
        if (!startsWith(bytes, ZIP)) {
            throw new RejectedFileException("文件不是 " + accepted + "：" + name);
        }
    }

    /** Why POI could not open the package, in the user's words. */
    private static RejectedFileException unreadable(Exception e, String name, String accepted) {
        if (causeMentions(e, "more internal file entries")) {
            return new RejectedFileException("文件包含的部件过多（超过 1000 个，如工作表过多），已拒绝：" + name
                    + "。请拆分成多个文件后再上传", e);
        }
        if (isZipBomb(e)) {
            return new RejectedFileException("文件解压后的大小异常（疑似压缩炸弹），已拒绝：" + name, e);
        }
        if (causeMentions(e, "DOCTYPE")) {
            // POI's XML parsers refuse DTDs, so entities (billion laughs, file:///etc/passwd) are never expanded.
            return doctype(name);
        }
        return new RejectedFileException("文件已损坏或不完整，无法作为 " + accepted + "打开：" + name, e);
    }

    private static List<Grid> grids(OPCPackage pkg, String name) throws Exception {
        boolean xl = false;
        boolean word = false;
        for (PackagePart part : pkg.getParts()) {
            String p = part.getPartName().getName();
            xl |= p.startsWith("/xl/");
            word |= p.startsWith("/word/");
        }
        if (xl) {
            checkSize(pkg, name);
            return new ArrayList<>(XlsxGrids.read(pkg, name, MAX_ROWS));
        }
        if (word) {
            return new ArrayList<>(DocxGrids.read(new XWPFDocument(pkg)));
        }
        throw new RejectedFileException("文件不是 Excel（.xlsx）或 Word（.docx）文档：" + name);
    }

    /** Counts the rows of all worksheets by streaming their XML, before POI loads them whole. */
    private static void checkSize(OPCPackage pkg, String name) throws Exception {
        List<PackagePart> sheets = pkg.getPartsByContentType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        XMLInputFactory factory = XMLHelper.newXMLInputFactory();
        long rows = 0;
        for (PackagePart sheet : sheets) {
            try (InputStream in = sheet.getInputStream()) {
                XMLStreamReader xml = factory.createXMLStreamReader(in);
                try {
                    while (xml.hasNext()) {
                        int event = xml.next();
                        if (event == XMLStreamConstants.DTD) {
                            throw doctype(name); // not expanded here either: POI's factory has DTD support off
                        }
                        if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())
                                && ++rows > MAX_ROWS) {
                            throw new RejectedFileException("文件超过 " + MAX_ROWS + " 行的上限，已拒绝："
                                    + name + "。请拆分成多个文件后再上传");
                        }
                    }
                } finally {
                    xml.close();
                }
            }
        }
    }

    private static RejectedFileException doctype(String name) {
        return new RejectedFileException("文件中含有 DOCTYPE 声明（XML 实体定义），Excel / Word 不会生成这样的文件，"
                + "出于安全原因已拒绝：" + name);
    }

    private static boolean isEncrypted(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            return root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean causeMentions(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readAll(InputStream in, String name) {
        try (InputStream s = in) {
            byte[] bytes = s.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new RejectedFileException("文件超过 " + (MAX_BYTES / 1024 / 1024) + " MB，已拒绝：" + name);
            }
            return bytes;
        } catch (IOException e) {
            throw new RejectedFileException("文件读取失败：" + name, e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("MAX_ENTRY_SIZE")
                    || m.contains("maximum length for this record type"))) {
                return true;
            }
        }
        return false;
    }
}
