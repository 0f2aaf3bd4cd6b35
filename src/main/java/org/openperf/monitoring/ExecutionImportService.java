package org.openperf.monitoring;

import org.openperf.targets.ProjectMonitoringChanged;
import org.springframework.context.ApplicationEventPublisher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openperf.imports.SpendingSheet;
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

    private final ApplicationEventPublisher events;

    public ExecutionImportService(ProjectService projects, ExecutionReadingRepository readings,
            ApplicationEventPublisher events) {
        this.events = events;
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
        // Read through the target import's guards: the same hostile files get the same refusals here.
        for (SpendingSheet.SpendingRow row : SpendingSheet.read(content, fileName)) {
            int shown = row.row();
            String code = row.code();
            Project p = !code.isEmpty() ? byCode.get(code) : byNameAndUnit.get(key(row.name(), row.unit()));
            if (p == null) {
                problems.add(new RowProblem(shown, "第 " + shown + " 行：未找到 " + year + " 年度的项目"
                        + (!code.isEmpty() ? "（项目编码 " + code + "）" : "“" + row.name() + "”（单位 " + row.unit() + "）")));
                continue;
            }
            LocalDate asOf = row.date() != null ? row.date() : date(row.dateText());
            BigDecimal spent = amount(row.spentText());
            String problem = asOf == null ? "截至日期“" + row.dateText() + "”无法识别"
                    : spent == null ? "累计支出“" + row.spentText() + "”不是金额" : ExecutionService.problem(p, asOf, spent);
            if (problem != null) {
                problems.add(new RowProblem(shown, "第 " + shown + " 行：" + problem));
                continue;
            }
            parsed.add(new ExecutionReading(p.getId(), asOf, spent, ExecutionReading.Source.WORKBOOK, user));
        }
        if (!problems.isEmpty()) {
            return new Result(0, 0, problems);
        }
        List<ExecutionReading> fresh = parsed.stream().filter(r -> readings
                .findFirstByProjectIdAndAsOfAndSpent(r.getProjectId(), r.getAsOf(), r.getSpent()).isEmpty()).toList();
        readings.saveAll(fresh);
        fresh.stream().map(ExecutionReading::getProjectId).distinct()
                .forEach(id -> events.publishEvent(new ProjectMonitoringChanged(id)));
        return new Result(fresh.size(), parsed.size() - fresh.size(), List.of());
    }

    static LocalDate date(String text) {
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
