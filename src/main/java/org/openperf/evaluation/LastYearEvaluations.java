package org.openperf.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openperf.targets.Operator;
import org.openperf.targets.PreviousProject;
import org.openperf.targets.PreviousProjects;
import org.openperf.targets.Project;
import org.openperf.targets.TargetValue;
import org.openperf.targets.TargetValueParser;
import org.openperf.targets.ValueKind;
import org.openperf.validation.LastYear;
import org.openperf.validation.LastYearSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Last year's results for validation's year-over-year rules (issue 19): the published (结果公开, final) self-evaluation
 * of the project a table continues, with that project's approved indicators. Only {@code PUBLISHED} counts: before
 * it the department or finance may still change scores. Read with one query (plus the link lookup), since validation
 * runs in the approval path and at every table of an import.
 */
@Service
class LastYearEvaluations implements LastYearSource {

    static final String SOURCE = "自评";

    private final PreviousProjects previous;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    LastYearEvaluations(PreviousProjects previous, JdbcTemplate jdbc, ObjectMapper json) {
        this.previous = previous;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<LastYear> of(Project project) {
        return previous.of(project).flatMap(p -> published(p.id()))
                .map(last -> project.getId() == null ? last : last.withHandLinks(
                        previous.indicatorLinks(project.getId())));
    }

    /** An import's tables: their links in a few queries, then last year's results of all of them in one or a few. */
    @Override
    public List<Optional<LastYear>> ofAll(List<Project> projects) {
        List<Optional<PreviousProject>> links = previous.ofAll(projects);
        List<Long> ids = links.stream().flatMap(Optional::stream).map(PreviousProject::id).distinct().toList();
        Map<Long, List<Line>> lines = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            lines(" in (" + "?,".repeat(chunk.size()).substring(0, 2 * chunk.size() - 1) + ")", chunk.toArray())
                    .forEach(l -> lines.computeIfAbsent(l.projectId, k -> new ArrayList<>()).add(l));
        }
        // Stored tables (a task list's page) compare with last year through their indicators' hand links too,
        // as in of().
        List<Long> stored = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i).getId() != null && links.get(i).isPresent()) {
                stored.add(projects.get(i).getId());
            }
        }
        Map<Long, Map<String, String>> handLinks = stored.isEmpty() ? Map.of() : previous.indicatorLinks(stored);
        List<Optional<LastYear>> out = new ArrayList<>(projects.size());
        for (int i = 0; i < projects.size(); i++) {
            Long id = projects.get(i).getId();
            Optional<LastYear> last = links.get(i).flatMap(p -> build(lines.getOrDefault(p.id(), List.of())));
            out.add(id == null ? last : last.map(l -> l.withHandLinks(handLinks.getOrDefault(id, Map.of()))));
        }
        return out;
    }

    private Optional<LastYear> published(long projectId) {
        return build(lines(" = ?", projectId));
    }

    private List<Line> lines(String projectIds, Object... args) {
        return jdbc.query("select p.fiscal_year, p.name, p.budget, e.grade, e.sheet_json, i.position,"
                        + " i.level2, i.name, i.value_text, i.value_operator, i.value_number, i.value_upper, i.value_unit,"
                        + " i.value_kind, i.value_deadline, p.id"
                        + " from self_evaluation e join project p on p.id = e.project_id"
                        + " left join indicator i on i.project_id = p.id"
                        + " where e.project_id" + projectIds + " and e.fiscal_year = p.fiscal_year"
                        + " and e.status = 'PUBLISHED'"
                        + " order by p.id, i.position",
                (rs, n) -> {
                    java.sql.Date deadline = rs.getDate(15);
                    String op = rs.getString(10);
                    String kind = rs.getString(14);
                    TargetValue target = rs.getObject(6) == null ? null : new TargetValue(rs.getString(9),
                            op == null ? null : Operator.valueOf(op), rs.getBigDecimal(11), rs.getBigDecimal(12),
                            rs.getString(13), kind == null ? null : ValueKind.valueOf(kind),
                            deadline == null ? null : deadline.toLocalDate());
                    return new Line(rs.getLong(16), rs.getInt(1), rs.getString(2), rs.getBigDecimal(3),
                            rs.getString(4), rs.getString(5), rs.getObject(6) == null ? -1 : rs.getInt(6),
                            rs.getString(7), rs.getString(8), target);
                }, args);
    }

    private Optional<LastYear> build(List<Line> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Line first = lines.get(0);
        Map<Integer, SheetView.Row> sheet = sheet(first.sheetJson);
        List<LastYear.Row> rows = new ArrayList<>();
        for (Line l : lines) {
            if (l.position < 0) {
                continue;
            }
            SheetView.Row s = sheet.get(l.position);
            TargetValue actual = s == null ? null : TargetValueParser.parse(s.actual(), first.year);
            boolean numeric = actual != null && actual.isQuantitative() && actual.getNumber() != null
                    && actual.getUpperNumber() == null;
            rows.add(new LastYear.Row(l.level2, l.name, l.target, numeric ? actual.getNumber() : null,
                    numeric ? actual.getUnit() : null, s == null ? null : s.weight(), s == null ? null : s.score()));
        }
        return Optional.of(new LastYear(first.year, first.projectName, first.budget, first.grade, SOURCE, rows));
    }

    private Map<Integer, SheetView.Row> sheet(String text) {
        Map<Integer, SheetView.Row> rows = new HashMap<>();
        if (text == null) {
            return rows;
        }
        try {
            json.readValue(text, SheetView.class).indicators().forEach(r -> rows.put(r.index(), r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("上年自评评分表无法读取", e);
        }
        return rows;
    }

    private record Line(long projectId, int year, String projectName, BigDecimal budget, String grade, String sheetJson, int position,
                        String level2, String name, TargetValue target) {
    }

}
