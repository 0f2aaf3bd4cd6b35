package org.openperf.library;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openperf.kernel.Caller;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.Scope;
import org.openperf.targets.Operator;
import org.openperf.targets.ProjectNames;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator library (指标库, issue 19): computed by query from the approved tables the caller may see, grouped
 * by the indicator's normalised name ({@code indicator.name_key}, kept by the entity). Nothing is held in memory, so
 * every node answers the same. Two steps: which entries match (recommended first, then the names holding the words
 * earliest, then the shortest), then the figures of those few entries.
 */
@Service
public class IndicatorLibrary {

    static final int MAX_RESULTS = 50;
    static final int MAX_QUERY = 50;
    /** Up to this many approved tables in scope, the search starts from them rather than from the names. */
    static final int FEW_TABLES = 500;

    private static final String FROM_SCOPED = " from indicator i join project p on p.id = i.project_id"
            + " left join unit u on u.id = p.unit_id left join department d on d.id = u.department_id";
    private static final String FROM = FROM_SCOPED
            + " left join indicator_library_entry e on e.name_key = i.name_key";
    private static final String GROUP = "coalesce(e.merged_into, i.name_key)";

    private final NamedParameterJdbcTemplate jdbc;
    private final DisplayTimes times;
    /** {@link #FEW_TABLES}; a test lowers it to see both ways answer the same. */
    int fewTables = FEW_TABLES;

    IndicatorLibrary(NamedParameterJdbcTemplate jdbc, DisplayTimes times) {
        this.jdbc = jdbc;
        this.times = times;
    }

    /** Entries whose names contain the words of {@code q} (normalised; blank: all), optionally of one 二级. */
    @Transactional(readOnly = true)
    public List<LibraryEntry> search(Caller caller, String q, String level2, Integer limit) {
        if (q != null && q.length() > MAX_QUERY) {
            throw new InvalidInputException("检索词 q 过长：最多 " + MAX_QUERY + " 个字");
        }
        int max = limit == null ? 20 : limit;
        if (max < 1 || max > MAX_RESULTS) {
            throw new InvalidInputException("条数 limit 须在 1 到 " + MAX_RESULTS + " 之间，收到 " + max);
        }
        Scope scope = caller.scope();
        MapSqlParameterSource params = scope(scope);
        String words = ProjectNames.normalise(q);
        params.addValue("words", words).addValue("q", "%" + words.replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%").addValue("limit", max);
        String inLevel2 = "";
        if (level2 != null && !level2.isBlank()) {
            inLevel2 = " and i.level2 = :level2";
            params.addValue("level2", level2.trim());
        }
        // The names that match. Where the caller sees many approved tables (finance; a large department): the small
        // table of distinct names, scanned (no index serves one or two characters), a name counting when an
        // approved indicator in scope has it (an index probe). Where they see few (a unit): those tables'
        // indicators, fewer than the names.
        List<Long> few = scope.all() ? List.of() : approvedTables(scope, params, fewTables + 1);
        boolean many = scope.all() || few.size() > fewTables;
        // The few tables by id: PostgreSQL misjudges the scope's OR over unit and department (thousands of tables
        // instead of a few dozen) and would read every indicator instead of the tables' own (ix_indicator_project).
        params.addValue("tables", few.isEmpty() ? List.of(-1L) : few);
        String matching = many
                ? "select n.name_key k from indicator_name n where n.name_key like :q escape '!' and exists (select 1"
                        + FROM_SCOPED + " where i.name_key = n.name_key and p.status = 'APPROVED'" + inLevel2
                        + scopeSql(scope) + ")"
                : "select distinct i.name_key k from indicator i where i.project_id in (:tables)"
                        + " and i.name_key like :q escape '!'" + inLevel2;
        // Recommended first, then the names holding the words earliest, then the shortest: what a preparer typing
        // the start of a name expects first.
        List<String> keys = jdbc.query("select m.k from (select coalesce(e.merged_into, x.k) k,"
                + " min(position(:words in x.k)) pos, min(length(x.k)) len from (" + matching + ") x"
                + " left join indicator_library_entry e on e.name_key = x.k where x.k <> ''"
                + " group by coalesce(e.merged_into, x.k)) m left join indicator_library_entry t on t.name_key = m.k"
                + " order by case when t.recommended then 0 else 1 end, m.pos, m.len, m.k limit :limit",
                params, (rs, n) -> rs.getString(1));
        return entries(caller.scope(), keys);
    }

    /** 推荐: finance marks an entry as recommended, or takes the mark back. */
    @Transactional
    public LibraryEntry recommend(Caller caller, String key, boolean recommended) {
        requireFinance(caller, "推荐指标");
        String k = existing(key, "key");
        String target = mergedInto(k);
        if (target != null) {
            throw new InvalidInputException("指标“" + k + "”已合并到“" + target + "”，请推荐“" + target + "”");
        }
        Timestamp now = Timestamp.from(times.now());
        MapSqlParameterSource p = new MapSqlParameterSource("k", k).addValue("r", recommended)
                .addValue("by", caller.userId()).addValue("at", now);
        if (jdbc.update("update indicator_library_entry set recommended = :r, recommended_by = :by,"
                + " recommended_at = :at where name_key = :k", p) == 0) {
            jdbc.update("insert into indicator_library_entry (name_key, recommended, recommended_by, recommended_at)"
                    + " values (:k, :r, :by, :at)", p);
        }
        return entries(Scope.ALL, List.of(k)).get(0);
    }

    /** 合并: entry {@code from}'s names count as {@code into}'s from now on; who merged it and when are kept. */
    @Transactional
    public LibraryEntry merge(Caller caller, String from, String into) {
        requireFinance(caller, "合并指标");
        String a = existing(from, "from");
        String b = existing(into, "into");
        String target = mergedInto(b);
        if (target != null) {
            b = target;
        }
        if (a.equals(b)) {
            throw new InvalidInputException("不能把指标“" + a + "”合并到它自己");
        }
        if (mergedInto(a) != null) {
            throw new InvalidInputException("指标“" + a + "”已合并到“" + mergedInto(a) + "”");
        }
        MapSqlParameterSource p = new MapSqlParameterSource("a", a).addValue("b", b).addValue("by", caller.userId())
                .addValue("at", Timestamp.from(times.now()));
        // What was merged into A now counts as B too: merges stay one level deep.
        jdbc.update("update indicator_library_entry set merged_into = :b where merged_into = :a", p);
        if (jdbc.update("update indicator_library_entry set merged_into = :b, merged_by = :by, merged_at = :at,"
                + " recommended = false where name_key = :a", p) == 0) {
            jdbc.update("insert into indicator_library_entry (name_key, merged_into, merged_by, merged_at)"
                    + " values (:a, :b, :by, :at)", p);
        }
        return entries(Scope.ALL, List.of(b)).get(0);
    }

    private static void requireFinance(Caller caller, String what) {
        if (!caller.isFinance() && !caller.isAdmin()) {
            throw new ForbiddenException(what + "仅限财政部门");
        }
    }

    /** The normalised key of an entry that has approved indicators; 404 otherwise, 400 when missing. */
    private String existing(String key, String field) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("缺少指标 " + field);
        }
        String k = ProjectNames.normalise(key);
        Integer n = jdbc.queryForObject("select count(*) from indicator i join project p on p.id = i.project_id"
                + " where i.name_key = :k and p.status = 'APPROVED'", new MapSqlParameterSource("k", k), Integer.class);
        if (n == null || n == 0) {
            throw new NotFoundException("指标库中没有指标“" + key + "”（" + field + "）");
        }
        return k;
    }

    private String mergedInto(String key) {
        List<String> t = jdbc.queryForList("select merged_into from indicator_library_entry where name_key = :k"
                + " and merged_into is not null", new MapSqlParameterSource("k", key), String.class);
        return t.isEmpty() ? null : t.get(0);
    }

    /** The approved tables in scope, at most {@code upTo} of them (more: the caller sees many). */
    private List<Long> approvedTables(Scope scope, MapSqlParameterSource params, int upTo) {
        return jdbc.queryForList("select p.id from project p left join unit u on u.id = p.unit_id"
                + " left join department d on d.id = u.department_id where p.status = 'APPROVED'" + scopeSql(scope)
                + " limit " + upTo, params, Long.class);
    }

    private static MapSqlParameterSource scope(Scope s) {
        return new MapSqlParameterSource("units", s.unitsOrNone()).addValue("departments", s.departmentsOrNone());
    }

    private static String scopeSql(Scope s) {
        return s.all() ? "" : " and (u.code in (:units) or d.code in (:departments))";
    }

    /** The figures of these entries (in this order), from the caller's approved tables. */
    private List<LibraryEntry> entries(Scope scope, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, List<LibraryEntry.Merge>> merged = new HashMap<>();
        Map<String, Boolean> recommended = new HashMap<>();
        Set<String> names = new LinkedHashSet<>(keys);
        jdbc.query("select name_key, merged_into, merged_by, merged_at, recommended from indicator_library_entry"
                + " where name_key in (:keys) or merged_into in (:keys)", new MapSqlParameterSource("keys", keys), rs -> {
            String into = rs.getString(2);
            if (into == null) {
                recommended.put(rs.getString(1), rs.getBoolean(5));
            } else {
                names.add(rs.getString(1));
                Timestamp at = rs.getTimestamp(4);
                merged.computeIfAbsent(into, x -> new ArrayList<>()).add(new LibraryEntry.Merge(rs.getString(1),
                        rs.getString(3), at == null ? null : times.text(at.toInstant())));
            }
        });
        MapSqlParameterSource params = scope(scope).addValue("names", names);
        Map<String, Figures> figures = new LinkedHashMap<>();
        keys.forEach(k -> figures.put(k, new Figures()));
        jdbc.query("select " + GROUP + ", i.name, i.level1, i.level2, p.id, p.fiscal_year, i.value_operator,"
                + " i.value_unit, i.value_number, i.value_upper, r.met" + FROM
                + " left join indicator_result r on r.project_id = p.id and r.position = i.position"
                + " where p.status = 'APPROVED' and i.name_key in (:names)" + scopeSql(scope), params, rs -> {
            Figures f = figures.get(rs.getString(1));
            if (f == null) {
                return;
            }
            f.names.merge(rs.getString(2), 1, Integer::sum);
            count(f.level1, rs.getString(3));
            count(f.level2, rs.getString(4));
            if (f.projects.add(rs.getLong(5))) {
                f.years.merge(rs.getInt(6), 1, Integer::sum);
            }
            count(f.operators, rs.getString(7));
            count(f.units, rs.getString(8));
            for (BigDecimal v : new BigDecimal[] {rs.getBigDecimal(9), rs.getBigDecimal(10)}) {
                if (v != null) {
                    f.min = f.min == null || v.compareTo(f.min) < 0 ? v : f.min;
                    f.max = f.max == null || v.compareTo(f.max) > 0 ? v : f.max;
                }
            }
            Object met = rs.getObject(11);
            if (met != null) {
                f.evaluated++;
                f.met += rs.getBoolean(11) ? 1 : 0;
            }
        });
        List<LibraryEntry> out = new ArrayList<>();
        figures.forEach((k, f) -> {
            if (f.projects.isEmpty()) {
                return;
            }
            String op = top(f.operators);
            out.add(new LibraryEntry(k, top(f.names), top(f.level1), top(f.level2), f.projects.size(), f.years,
                    op == null ? null : Operator.valueOf(op).symbol(), top(f.units), strip(f.min), strip(f.max),
                    f.evaluated, f.met, recommended.getOrDefault(k, false), merged.getOrDefault(k, List.of())));
        });
        return out;
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

    private static void count(Map<String, Integer> m, String v) {
        if (v != null && !v.isBlank()) {
            m.merge(v, 1, Integer::sum);
        }
    }

    /** The value used most (ties: the first in text order, so every node answers the same). */
    private static String top(Map<String, Integer> m) {
        return m.entrySet().stream().min(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey)).map(Map.Entry::getKey).orElse(null);
    }

    private static final class Figures {
        final Map<String, Integer> names = new HashMap<>();
        final Map<String, Integer> level1 = new HashMap<>();
        final Map<String, Integer> level2 = new HashMap<>();
        final Map<String, Integer> operators = new HashMap<>();
        final Map<String, Integer> units = new HashMap<>();
        final Set<Long> projects = new java.util.HashSet<>();
        final Map<Integer, Integer> years = new TreeMap<>();
        BigDecimal min;
        BigDecimal max;
        int evaluated;
        int met;
    }
}
