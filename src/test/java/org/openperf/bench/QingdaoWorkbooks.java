package org.openperf.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Big layout-A workbooks made of the Qingdao fixture's 98 tables repeated: each table is a block of rows starting
 * at its title row (…绩效目标表); copy k of a table gets "（第k批）" in its title and project name, so that no two
 * tables of a unit share a name. Blocks keep their sheet (one sheet per unit) and their merged cells; values are
 * written as the text the fixture shows.
 */
final class QingdaoWorkbooks {

    static final String FIXTURE = "/fixtures/qingdao-2024-targets.xlsx";

    /** One table of the fixture: its sheet, its rows as text, its merged regions (relative to the block). */
    record Block(String sheet, List<Map<Integer, String>> rows, List<CellRangeAddress> merged) {
    }

    private QingdaoWorkbooks() {
    }

    static List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = QingdaoWorkbooks.class.getResourceAsStream(FIXTURE);
             Workbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                List<Map<Integer, String>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Map<Integer, String> cells = new LinkedHashMap<>();
                    Row row = sheet.getRow(r);
                    if (row != null) {
                        for (Cell c : row) {
                            String text = formatter.formatCellValue(c);
                            if (!text.isEmpty()) {
                                cells.put(c.getColumnIndex(), text);
                            }
                        }
                    }
                    rows.add(cells);
                }
                List<Integer> starts = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    if (rows.get(r).values().stream().anyMatch(t -> t.trim().endsWith("绩效目标表"))) {
                        starts.add(r);
                    }
                }
                if (starts.isEmpty()) {
                    continue;
                }
                starts.set(0, 0); // rows above the first title stay with it
                for (int i = 0; i < starts.size(); i++) {
                    int from = starts.get(i);
                    int to = i + 1 < starts.size() ? starts.get(i + 1) : rows.size();
                    List<CellRangeAddress> merged = new ArrayList<>();
                    for (CellRangeAddress m : sheet.getMergedRegions()) {
                        if (m.getFirstRow() >= from && m.getFirstRow() < to) {
                            merged.add(new CellRangeAddress(m.getFirstRow() - from, Math.min(m.getLastRow(), to - 1) - from,
                                    m.getFirstColumn(), m.getLastColumn()));
                        }
                    }
                    blocks.add(new Block(sheet.getSheetName(), new ArrayList<>(rows.subList(from, to)), merged));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return blocks;
    }

    /** Writes {@code tables} tables into workbooks of at most {@code perFile} tables each; returns the files. */
    static List<Path> write(Path dir, String prefix, int tables, int perFile) {
        List<Block> blocks = blocks();
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int first = 0, n = 0; first < tables; first += perFile, n++) {
                Path file = dir.resolve(prefix + "-" + (n + 1) + ".xlsx");
                writeFile(file, blocks, first, Math.min(tables, first + perFile));
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void writeFile(Path file, List<Block> blocks, int from, int to) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            Map<String, Sheet> sheets = new LinkedHashMap<>();
            Map<String, Integer> nextRow = new LinkedHashMap<>();
            for (int i = from; i < to; i++) {
                Block b = blocks.get(i % blocks.size());
                int copy = i / blocks.size();
                Sheet sheet = sheets.computeIfAbsent(b.sheet(), wb::createSheet);
                int base = nextRow.getOrDefault(b.sheet(), 0);
                for (int r = 0; r < b.rows().size(); r++) {
                    Map<Integer, String> cells = b.rows().get(r);
                    Row row = sheet.createRow(base + r);
                    int nameColumn = -1;
                    for (Map.Entry<Integer, String> c : cells.entrySet()) {
                        String text = c.getValue();
                        if (copy > 0 && text.trim().endsWith("绩效目标表")) {
                            text = text.trim().replaceFirst("绩效目标表$", "（第" + copy + "批）绩效目标表");
                        } else if (copy > 0 && c.getKey() == nameColumn) {
                            text = text + "（第" + copy + "批）";
                        }
                        if (text.replaceAll("\\s", "").equals("项目名称")) {
                            nameColumn = nextColumn(cells, c.getKey());
                        }
                        row.createCell(c.getKey()).setCellValue(text);
                    }
                }
                for (CellRangeAddress m : b.merged()) {
                    sheet.addMergedRegion(new CellRangeAddress(base + m.getFirstRow(), base + m.getLastRow(),
                            m.getFirstColumn(), m.getLastColumn()));
                }
                nextRow.put(b.sheet(), base + b.rows().size());
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static int nextColumn(Map<Integer, String> cells, int after) {
        return cells.keySet().stream().filter(c -> c > after).min(Integer::compare).orElse(-1);
    }

    /** Bare POI: opens the workbook and reads every cell's text, as an importer must at least do. */
    static long readCellByCell(Path file) {
        DataFormatter formatter = new DataFormatter();
        long cells = 0;
        try (Workbook wb = new XSSFWorkbook(file.toFile())) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (!formatter.formatCellValue(c).isEmpty()) {
                            cells++;
                        }
                    }
                }
                cells += sheet.getNumMergedRegions(); // merged regions are read as well
            }
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
        return cells;
    }
}
