package org.openperf.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.openperf.imports.ImportRejectedException;
import org.openperf.imports.TargetTableReader;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.kernel.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads cumulative spending in bulk from a workbook like the treasury payment system's exports: one row per
 * project with 项目编码 (or 项目名称 and 单位), 截至日期 and 累计支出(万元), columns found by their labels. Every
 * row is checked first; a file with any unmatched or unreadable row stores nothing and lists each with its row.
 */
@Service
public class ExecutionImportService {

    public record RowProblem(int row, String message) {
    }

    /** {@code alreadyRecorded}: rows whose reading (project, day, amount) was there before: not stored twice. */
    public record Result(int stored, int alreadyRecorded, List<RowProblem> problems) {
    }

    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*[年/.-]\\s*(\\d{1,2})\\s*[月/.-]\\s*(\\d{1,2})\\s*日?");

    private final ProjectService projects;
    private final ExecutionReadingRepository readings;

    public ExecutionImportService(ProjectService projects, ExecutionReadingRepository readings) {
        this.projects = projects;
        this.readings = readings;
    }

    @Transactional
    public Result load(byte[] content, String fileName, int year, Scope scope, String user) {
        List<ExecutionReading> parsed = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Project> byCode = new LinkedHashMap<>();
        Map<String, Project> byNameAndUnit = new LinkedHashMap<>();
        for (Project p : projects.tables(year, null, scope)) {
            if (p.getCode() != null) {
                byCode.put(p.getCode(), p);
            }
            if (p.getUnit() != null) {
                byNameAndUnit.put(key(p.getName(), p.getUnit().getCode()), p);
                byNameAndUnit.put(key(p.getName(), p.getUnit().getName()), p);
            }
        }
        // Opened through the target import's guards: the same hostile files get the same refusals here.
        TargetTableReader.readWorkbook(content, fileName, wb -> {
            if (wb.getNumberOfSheets() == 0) {
                throw new ImportRejectedException(fileName, "工作簿中没有工作表：" + fileName);
            }
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            Header h = header(sheet, fmt);
            if (h == null) {
                throw new ImportRejectedException(fileName,
                        "未找到表头：需要“截至日期”“累计支出（万元）”两列，以及“项目编码”或“项目名称”+“单位”列");
            }
            for (int r = h.row + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String code = text(row, h.code, fmt);
                String name = text(row, h.name, fmt);
                String unit = text(row, h.unit, fmt);
                String dateText = text(row, h.date, fmt);
                String spentText = text(row, h.spent, fmt);
                if (code.isEmpty() && name.isEmpty() && dateText.isEmpty() && spentText.isEmpty()) {
                    continue;
                }
                if (isTotal(row, fmt)) {
                    continue;
                }
                int shown = r + 1;
                Project p = !code.isEmpty() ? byCode.get(code) : byNameAndUnit.get(key(name, unit));
                if (p == null) {
                    problems.add(new RowProblem(shown, "第 " + shown + " 行：未找到 " + year + " 年度的项目"
                            + (!code.isEmpty() ? "（项目编码 " + code + "）" : "“" + name + "”（单位 " + unit + "）")));
                    continue;
                }
                LocalDate asOf = date(row == null ? null : row.getCell(h.date), dateText);
                BigDecimal spent = amount(spentText);
                String problem = asOf == null ? "截至日期“" + dateText + "”无法识别"
                        : spent == null ? "累计支出“" + spentText + "”不是金额" : ExecutionService.problem(p, asOf, spent);
                if (problem != null) {
                    problems.add(new RowProblem(shown, "第 " + shown + " 行：" + problem));
                    continue;
                }
                parsed.add(new ExecutionReading(p.getId(), asOf, spent, ExecutionReading.Source.WORKBOOK, user));
            }
            return null;
        });
        if (!problems.isEmpty()) {
            return new Result(0, 0, problems);
        }
        List<ExecutionReading> fresh = parsed.stream().filter(r -> readings
                .findFirstByProjectIdAndAsOfAndSpent(r.getProjectId(), r.getAsOf(), r.getSpent()).isEmpty()).toList();
        readings.saveAll(fresh);
        return new Result(fresh.size(), parsed.size() - fresh.size(), List.of());
    }

    private record Header(int row, int code, int name, int unit, int date, int spent) {
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

    static LocalDate date(Cell cell, String text) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        Matcher m = CHINESE_DATE.matcher(text);
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static BigDecimal amount(String text) {
        String s = text.replaceAll("[,，\\s]", "");
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(s);
    }

    private static String key(String name, String unit) {
        return (name == null ? "" : name.replaceAll("\\s", "")) + "|" + (unit == null ? "" : unit.replaceAll("\\s", ""));
    }
}
