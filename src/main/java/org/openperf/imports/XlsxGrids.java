package org.openperf.imports;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;

/** Turns each visible sheet of a workbook into a {@link Grid}. */
final class XlsxGrids {

    /** Target tables are narrow; columns beyond this are not read (guards against sheets formatted to XFD). */
    static final int MAX_COLUMNS = 64;

    private XlsxGrids() {
    }

    static List<Grid> read(Workbook wb) {
        List<Grid> grids = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) {
                continue; // dropdown lists and helper data, not tables
            }
            grids.add(read(wb.getSheetAt(i), formatter));
        }
        return grids;
    }

    private static Grid read(Sheet sheet, DataFormatter formatter) {
        Grid grid = Grid.sheet(sheet.getSheetName());
        int lastRow = -1;
        for (Row row : sheet) {
            for (Cell cell : row) {
                int c = cell.getColumnIndex();
                if (c >= MAX_COLUMNS) {
                    continue;
                }
                String text = Text.clean(cellText(cell, formatter));
                String typed = typedFormula(cell);
                if (typed != null) {
                    text = Text.clean(typed);
                    grid.note(ImportProblem.warning(SourceRef.cell(sheet.getSheetName(), row.getRowNum(), c),
                            "单元格「" + text + "」在文件中被存成了没有计算结果的公式，已按文字读取"));
                }
                if (!text.isEmpty()) {
                    grid.putOwn(row.getRowNum(), c, text);
                    lastRow = Math.max(lastRow, row.getRowNum());
                }
            }
        }
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            int r0 = region.getFirstRow();
            int c0 = region.getFirstColumn();
            String value = grid.text(r0, c0);
            int r1 = Math.min(region.getLastRow(), Math.max(lastRow, r0));
            int c1 = Math.min(region.getLastColumn(), MAX_COLUMNS - 1);
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    if (r != r0 || c != c0) {
                        grid.put(r, c, value, r0, c0, c);
                    }
                }
            }
        }
        return grid;
    }

    /**
     * A value typed with a leading {@code =} ({@code =100%}, {@code =9188 万元}) that the producing program stored as
     * a formula without a result: its text, else null. Real formulas keep their cached result.
     */
    static String typedFormula(Cell cell) {
        if (cell.getCellType() != CellType.FORMULA || !(cell instanceof XSSFCell x)) {
            return null;
        }
        CTCell ct = x.getCTCell();
        if (ct.isSetV() && ct.getV() != null && !ct.getV().isEmpty()) {
            return null;
        }
        String f = ct.isSetF() ? ct.getF().getStringValue() : null;
        return f == null || f.isBlank() ? null : "=" + f.trim();
    }

    /** The cell as the table shows it; numbers as their shortest exact decimal (174.16, never 174.15999…). */
    static String cellText(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? formatter.formatCellValue(cell)
                    : NumberToTextConverter.toText(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
            default -> "";
        };
    }
}
