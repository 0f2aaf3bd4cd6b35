package org.openperf.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openperf.kernel.RejectedFileException;
import org.openperf.kernel.Severity;
import org.springframework.stereotype.Component;

/**
 * The error report users know from EasyPOI-style imports: a copy of their own workbook with each bad cell filled
 * (red for errors, yellow for warnings), the message as a cell comment, and a last column 错误信息 on each row.
 * A Word upload gets a workbook that lists the problems with their places instead.
 */
@Component
public class ErrorReportWriter {

    public byte[] write(byte[] upload, boolean workbook, List<ImportProblem> problems) {
        try {
            return workbook ? markWorkbook(upload, problems) : listProblems(problems);
        } catch (IOException e) {
            throw new RejectedFileException("无法生成错误报告：" + e.getMessage());
        }
    }

    private byte[] markWorkbook(byte[] upload, List<ImportProblem> problems) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(upload))) {
            Map<String, Map<Integer, StringBuilder>> messagesByRow = new LinkedHashMap<>();
            Map<String, CellStyle> marked = new HashMap<>();
            for (ImportProblem p : problems) {
                SourceRef ref = p.where();
                Sheet sheet = ref == null || ref.word() ? null : wb.getSheet(ref.sheet());
                if (sheet == null) {
                    continue;
                }
                Row row = sheet.getRow(ref.row()) != null ? sheet.getRow(ref.row()) : sheet.createRow(ref.row());
                Cell cell = row.getCell(ref.column()) != null ? row.getCell(ref.column()) : row.createCell(ref.column());
                cell.setCellStyle(markedStyle(wb, cell.getCellStyle(), p.severity(), marked));
                addComment(sheet, cell, (p.severity() == Severity.ERROR ? "错误：" : "警告：") + p.message());
                StringBuilder rowText = messagesByRow.computeIfAbsent(sheet.getSheetName(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(ref.row(), k -> new StringBuilder());
                rowText.append(rowText.isEmpty() ? "" : "；").append(p.message());
            }
            for (Map.Entry<String, Map<Integer, StringBuilder>> e : messagesByRow.entrySet()) {
                Sheet sheet = wb.getSheet(e.getKey());
                int col = lastColumn(sheet) + 1;
                cellAt(sheet, 0, col).setCellValue("错误信息");
                e.getValue().forEach((row, text) -> cellAt(sheet, row, col).setCellValue(text.toString()));
                sheet.setColumnWidth(col, 60 * 256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private byte[] listProblems(List<ImportProblem> problems) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("错误信息");
            String[] header = {"序号", "级别", "位置", "错误信息"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            int r = 1;
            for (ImportProblem p : problems) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue(p.severity() == Severity.ERROR ? "错误" : "警告");
                row.createCell(2).setCellValue(p.location());
                row.createCell(3).setCellValue(p.message());
                r++;
            }
            sheet.setColumnWidth(2, 30 * 256);
            sheet.setColumnWidth(3, 80 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static CellStyle markedStyle(XSSFWorkbook wb, CellStyle base, Severity severity, Map<String, CellStyle> cache) {
        String key = base.getIndex() + ":" + severity;
        return cache.computeIfAbsent(key, k -> {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(base);
            s.setFillForegroundColor((severity == Severity.ERROR ? IndexedColors.RED : IndexedColors.YELLOW).getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        });
    }

    private static void addComment(Sheet sheet, Cell cell, String text) {
        Comment existing = cell.getCellComment();
        if (existing != null) {
            existing.setString(sheet.getWorkbook().getCreationHelper()
                    .createRichTextString(existing.getString().getString() + "\n" + text));
            return;
        }
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 4);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 3);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(text));
        comment.setAuthor("绩效目标导入");
        cell.setCellComment(comment);
    }

    private static int lastColumn(Sheet sheet) {
        int last = 0;
        for (Row row : sheet) {
            last = Math.max(last, row.getLastCellNum() - 1);
        }
        return last;
    }

    private static Cell cellAt(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
        return row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
    }
}
