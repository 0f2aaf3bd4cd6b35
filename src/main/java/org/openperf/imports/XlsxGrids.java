package org.openperf.imports;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.openperf.kernel.RejectedFileException;

/**
 * Turns each visible sheet of a workbook into a {@link Grid}, reading the sheets' XML as a stream: a target table
 * needs only the cells' texts and the merged regions, where POI's user model keeps every cell as an object over an
 * XML bean (the heap it saves: docs/performance.md). The texts are those the user model gives, except that a date
 * computed by a formula reads as the date shown, not as the formula.
 */
final class XlsxGrids {

    /** Target tables are narrow; columns beyond this are not read (guards against sheets formatted to XFD). */
    static final int MAX_COLUMNS = 64;

    /** Cells a workbook's merged regions may fill, per row of the row limit. */
    static final int MERGED_PER_ROW = 16;

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private XlsxGrids() {
    }

    /**
     * The visible sheets' grids. A sheet's rows count up to its last row with a value, however few {@code <row>}
     * elements say so: all sheets together at most {@code maxRows}. Merged regions repeat their value in at most
     * {@link #MERGED_PER_ROW} cells per row of that limit (real tables: a few). One cell at row 1,048,576 under a
     * merge of the whole sheet, or a large merge repeated, would otherwise make millions of cells out of a few bytes.
     */
    static List<Grid> read(OPCPackage pkg, String fileName, int maxRows) throws Exception {
        XMLInputFactory factory = XMLHelper.newXMLInputFactory();
        Book book = book(pkg, factory);
        // Shared strings and styles as the workbook's relationships name them, as the user model finds them.
        PackagePart strings = related(book.workbook, XSSFRelation.SHARED_STRINGS.getRelation());
        PackagePart styles = related(book.workbook, XSSFRelation.STYLES.getRelation());
        // Phonetic guides (rPh) are not part of a cell's text, as in the user model.
        Cells cells = new Cells(strings == null ? null : new ReadOnlySharedStringsTable(strings, false),
                styles == null ? null : new StylesTable(styles), book.date1904);
        Limits limits = new Limits(fileName, maxRows);
        List<Grid> grids = new ArrayList<>();
        for (SheetEntry sheet : book.sheets) {
            if (sheet.hidden) {
                continue; // dropdown lists and helper data, not tables
            }
            try (InputStream in = sheet.part.getInputStream()) {
                grids.add(read(sheet.name, in, factory, cells, limits));
            }
        }
        return grids;
    }

    /**
     * Refuses a workbook that names one sheet part more than once: each name would be read again as a sheet of its
     * own, for a few bytes in workbook.xml (POI's user model parses the part again too). For readers of the user
     * model (the execution upload), before it loads.
     */
    static void refuseRepeatedSheets(OPCPackage pkg) throws Exception {
        book(pkg, XMLHelper.newXMLInputFactory());
    }

    /** The workbook's part of a relationship type, or null when it has none. */
    private static PackagePart related(PackagePart workbook, String type) throws Exception {
        PackageRelationshipCollection rels = workbook.getRelationshipsByType(type);
        return rels.isEmpty() ? null : workbook.getRelatedPart(rels.getRelationship(0));
    }

    /** What a workbook's grids may hold together, and the refusals that name the file and the place. */
    private static final class Limits {
        private final String fileName;
        private final int maxRows;
        private long rowsBefore;
        private long mergedCells;

        Limits(String fileName, int maxRows) {
            this.fileName = fileName;
            this.maxRows = maxRows;
        }

        void row(String sheet, int row) {
            if (!fits(row)) {
                throw new RejectedFileException("文件超过 " + maxRows + " 行的上限，已拒绝：" + fileName
                        + "（工作表「" + sheet + "」第 " + (row + 1L) + " 行有内容）。请拆分成多个文件后再上传");
            }
        }

        private boolean fits(int row) {
            return row >= 0 && rowsBefore + row < maxRows;
        }

        void sheetDone(int lastRow) {
            rowsBefore += lastRow + 1L;
        }

        /** Counts a merged region as it is read: millions of them are refused before they are all held. */
        void listed(String sheet, CellRangeAddress region) {
            merged(sheet, region, 1);
        }

        void merged(String sheet, CellRangeAddress region, long cells) {
            mergedCells += cells;
            if (mergedCells > (long) maxRows * MERGED_PER_ROW) {
                throw new RejectedFileException("文件的合并单元格过多或过大，已拒绝：" + fileName + "（工作表「" + sheet
                        + "」" + region.formatAsString() + " 处）。请取消多余的合并后再上传");
            }
        }
    }

    private record SheetEntry(String name, PackagePart part, boolean hidden) {
    }

    private record Book(PackagePart workbook, List<SheetEntry> sheets, boolean date1904) {
    }

    /**
     * The sheets in the workbook's order, each with its part and state, and whether dates count from 1904. A sheet
     * whose part is missing or already named is refused.
     */
    private static Book book(OPCPackage pkg, XMLInputFactory factory) throws Exception {
        // XSSFReader finds the workbook part (and refuses Strict OOXML) as the user model does.
        XSSFReader reader = new XSSFReader(pkg);
        PackagePart workbook = pkg.getPart(pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
                .getRelationship(0));
        List<SheetEntry> sheets = new ArrayList<>();
        Set<PackagePartName> named = new HashSet<>();
        boolean date1904 = false;
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        refuseDoctype(xml);
                        continue;
                    }
                    if ("workbookPr".equals(xml.getLocalName())) {
                        date1904 = isTrue(xml.getAttributeValue(null, "date1904"));
                    } else if ("sheet".equals(xml.getLocalName())) {
                        String name = xml.getAttributeValue(null, "name");
                        String id = xml.getAttributeValue(RELATIONSHIPS, "id");
                        PackageRelationship rel = id == null ? null : workbook.getRelationship(id);
                        PackagePart part = rel == null ? null : workbook.getRelatedPart(rel);
                        if (part == null || !named.add(part.getPartName())) {
                            throw new XMLStreamException("sheet " + name + " has no part of its own");
                        }
                        String state = xml.getAttributeValue(null, "state");
                        sheets.add(new SheetEntry(name, part, "hidden".equals(state) || "veryHidden".equals(state)));
                    }
                }
            } finally {
                xml.close();
            }
        }
        return new Book(workbook, sheets, date1904);
    }

    /** A DTD is never read (its entities are not expanded); the reader names it so the user hears why. */
    private static void refuseDoctype(XMLStreamReader xml) throws XMLStreamException {
        if (xml.getEventType() == XMLStreamConstants.DTD) {
            throw new XMLStreamException("DOCTYPE is not allowed in a workbook");
        }
    }

    private static boolean isTrue(String value) {
        return "1".equals(value) || "true".equals(value);
    }

    private static Grid read(String name, InputStream in, XMLInputFactory factory, Cells cells, Limits limits)
            throws XMLStreamException {
        Grid grid = Grid.sheet(name);
        List<CellRangeAddress> merged = new ArrayList<>();
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        int row = -1;
        int col = -1;
        int lastRow = -1;
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    refuseDoctype(xml);
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "row" -> {
                        String r = xml.getAttributeValue(null, "r");
                        row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                        if (row < 0) {
                            throw new XMLStreamException("row number " + r + " in sheet " + name);
                        }
                        col = -1;
                    }
                    case "c" -> {
                        String ref = xml.getAttributeValue(null, "r");
                        col = ref == null ? col + 1 : new CellReference(ref).getCol();
                        if (col >= MAX_COLUMNS) {
                            continue;
                        }
                        Cell cell = Cell.read(xml);
                        String typed = cell.typedFormula();
                        String text = Text.clean(typed != null ? typed : cells.text(cell));
                        if (typed != null) {
                            grid.note(ImportProblem.warning(SourceRef.cell(name, row, col),
                                    "单元格「" + text + "」在文件中被存成了没有计算结果的公式，已按文字读取"));
                        }
                        if (!text.isEmpty()) {
                            limits.row(name, row);
                            grid.putOwn(row, col, text);
                            lastRow = Math.max(lastRow, row);
                        }
                    }
                    case "mergeCell" -> {
                        CellRangeAddress region = CellRangeAddress.valueOf(xml.getAttributeValue(null, "ref"));
                        limits.listed(name, region);
                        merged.add(region);
                    }
                    default -> {
                    }
                }
            }
        } finally {
            xml.close();
        }
        for (CellRangeAddress region : merged) {
            int r0 = region.getFirstRow();
            int c0 = region.getFirstColumn();
            String value = grid.text(r0, c0);
            int r1 = Math.min(region.getLastRow(), Math.max(lastRow, r0));
            int c1 = Math.min(region.getLastColumn(), MAX_COLUMNS - 1);
            if (r0 > lastRow || c0 > c1) {
                continue; // below the last value or right of the columns read: no value to repeat
            }
            limits.merged(name, region, (long) (r1 - r0 + 1) * (c1 - c0 + 1));
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    if (r != r0 || c != c0) {
                        grid.put(r, c, value, r0, c0, c);
                    }
                }
            }
        }
        limits.sheetDone(lastRow);
        return grid;
    }

    /** One {@code <c>} element as stored: its type, style, formula, value and inline string. */
    record Cell(String type, int style, String formula, String value, String inline) {

        /** Reads the element the reader stands on, up to its end tag. */
        static Cell read(XMLStreamReader xml) throws XMLStreamException {
            String type = xml.getAttributeValue(null, "t");
            String s = xml.getAttributeValue(null, "s");
            String formula = null;
            String value = null;
            StringBuilder inline = null;
            int depth = 1;
            boolean phonetic = false;
            while (depth > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    switch (xml.getLocalName()) {
                        case "f" -> {
                            formula = xml.getElementText();
                            depth--;
                        }
                        case "v" -> {
                            value = xml.getElementText();
                            depth--;
                        }
                        case "is" -> inline = new StringBuilder();
                        case "rPh" -> phonetic = true;
                        case "t" -> {
                            String t = xml.getElementText();
                            depth--;
                            if (inline != null && !phonetic) {
                                inline.append(t);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if ("rPh".equals(xml.getLocalName())) {
                        phonetic = false;
                    }
                }
            }
            return new Cell(type == null ? "n" : type, s == null ? 0 : Integer.parseInt(s), formula, value,
                    inline == null ? null : inline.toString());
        }

        /**
         * A value typed with a leading {@code =} ({@code =100%}, {@code =9188 万元}) that the producing program
         * stored as a formula without a result: its text, else null. Real formulas keep their cached result.
         */
        String typedFormula() {
            if (formula == null || (value != null && !value.isEmpty()) || formula.isBlank()) {
                return null;
            }
            return "=" + formula.trim();
        }
    }

    /** A cell's text as the table shows it; numbers as their shortest exact decimal (174.16, never 174.15999…). */
    private static final class Cells {
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final DataFormatter formatter = new DataFormatter();

        Cells(ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
        }

        String text(Cell cell) throws XMLStreamException {
            String v = cell.value();
            boolean formula = cell.formula() != null;
            return switch (cell.type()) {
                case "s" -> v == null || v.isEmpty() ? "" : formula ? v : shared(v);
                case "inlineStr" -> decode(cell.inline() != null ? cell.inline() : v == null ? "" : v);
                case "str" -> decode(v == null ? "" : v);
                case "b" -> "1".equals(v) ? "是" : "否";
                case "e" -> "";
                default -> number(cell, formula);
            };
        }

        private String shared(String index) throws XMLStreamException {
            if (strings == null) {
                throw new XMLStreamException("a shared string without the workbook's shared strings");
            }
            return strings.getItemAt(Integer.parseInt(index.trim())).getString();
        }

        private String number(Cell cell, boolean formula) {
            String v = cell.value();
            if (v == null && !formula) {
                return ""; // a styled empty cell
            }
            double d = v == null || v.isEmpty() ? 0.0 : Double.parseDouble(v);
            if (styles != null && cell.style() < styles.getNumCellStyles() && DateUtil.isValidExcelDate(d)) {
                XSSFCellStyle style = styles.getStyleAt(cell.style());
                if (style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString())) {
                    return formatter.formatRawCellContents(d, style.getDataFormat(), style.getDataFormatString(),
                            date1904);
                }
            }
            return NumberToTextConverter.toText(d);
        }

        /** Excel's escapes for characters XML cannot hold ({@code _x000D_}), decoded as the user model does. */
        private static String decode(String text) {
            return text.contains("_x") ? new XSSFRichTextString(text).getString() : text;
        }
    }
}
