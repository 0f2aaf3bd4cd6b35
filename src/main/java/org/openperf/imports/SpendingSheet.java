package org.openperf.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.openperf.kernel.RejectedFileException;

/**
 * The rows of a spending workbook like the treasury payment system's exports (项目编码 or 项目名称 + 单位, 截至日期,
 * 累计支出（万元）, columns found by their labels), read through the target import's guards. Only cells here: the
 * monitoring package matches the rows to projects and checks them.
 */
public final class SpendingSheet {

    /**
     * One data row as written. {@code date}: the cell's date when it is a date cell, else null (then
     * {@code dateText} is what the cell shows). {@code row}: its row number as the user sees it (from 1).
     */
    public record SpendingRow(int row, String code, String name, String unit, String dateText, LocalDate date,
                              String spentText) {
    }

    private record Header(int row, int code, int name, int unit, int date, int spent) {
    }

    private SpendingSheet() {
    }

    /** The data rows of the first sheet, without blank rows and the 合计 row; refused when no header is found. */
    public static List<SpendingRow> read(byte[] content, String fileName) {
        return TargetTableReader.readWorkbook(content, fileName, wb -> {
            if (wb.getNumberOfSheets() == 0) {
                throw new RejectedFileException("工作簿中没有工作表：" + fileName);
            }
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            Header h = header(sheet, fmt);
            if (h == null) {
                throw new RejectedFileException("未找到表头：需要“截至日期”“累计支出（万元）”两列，以及“项目编码”或“项目名称”+“单位”列");
            }
            List<SpendingRow> rows = new ArrayList<>();
            for (int r = h.row + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String code = text(row, h.code, fmt);
                String name = text(row, h.name, fmt);
                String dateText = text(row, h.date, fmt);
                String spentText = text(row, h.spent, fmt);
                if ((code.isEmpty() && name.isEmpty() && dateText.isEmpty() && spentText.isEmpty())
                        || isTotal(row, fmt)) {
                    continue;
                }
                rows.add(new SpendingRow(r + 1, code, name, text(row, h.unit, fmt), dateText,
                        dateCell(row == null ? null : row.getCell(h.date)), spentText));
            }
            return rows;
        });
    }

    private static Header header(Sheet sheet, DataFormatter fmt) {
        for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 20); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            int code = -1, name = -1, unit = -1, date = -1, spent = -1;
            for (Cell c : row) {
                String label = fmt.formatCellValue(c).replaceAll("\\s", "");
                if (label.contains("项目编码")) {
                    code = c.getColumnIndex();
                } else if (label.contains("项目名称")) {
                    name = c.getColumnIndex();
                } else if (label.contains("单位")) {
                    unit = c.getColumnIndex();
                } else if (label.contains("截至日期") || label.contains("截止日期")) {
                    date = c.getColumnIndex();
                } else if (label.contains("累计支出")) {
                    spent = c.getColumnIndex();
                }
            }
            if (date >= 0 && spent >= 0 && (code >= 0 || (name >= 0 && unit >= 0))) {
                return new Header(r, code, name, unit, date, spent);
            }
        }
        return null;
    }

    /** The 合计 (total) row exports end with, whichever column holds the word. */
    private static boolean isTotal(Row row, DataFormatter fmt) {
        if (row == null) {
            return false;
        }
        for (Cell c : row) {
            if (fmt.formatCellValue(c).replaceAll("\\s", "").startsWith("合计")) {
                return true;
            }
        }
        return false;
    }

    private static String text(Row row, int col, DataFormatter fmt) {
        if (row == null || col < 0 || row.getCell(col) == null) {
            return "";
        }
        return fmt.formatCellValue(row.getCell(col)).trim();
    }

    private static LocalDate dateCell(Cell cell) {
        return cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)
                ? cell.getLocalDateTimeCellValue().toLocalDate() : null;
    }
}
