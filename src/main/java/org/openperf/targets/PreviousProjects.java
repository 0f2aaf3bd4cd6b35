package org.openperf.targets;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which project of last year a project continues (issue 19, docs/year-over-year.md). A hand link wins; without one,
 * the project of year N-1 with the same 项目编码 where both have one, else the one project of the same unit with the
 * same normalised name ({@link ProjectNames}). Works on unsaved tables too (an import's preview): it reads only
 * stored projects of last year, one indexed query ({@code ix_project_year_code}, {@code ix_project_year_unit}).
 */
@Service
public class PreviousProjects {

    // The repository, not ProjectService: validation reads links while ProjectService holds validation.
    private final ProjectRepository projects;
    private final PreviousLinkRepository links;
    private final JdbcTemplate jdbc;
    private final DisplayTimes times;

    private final ZoneId databaseZone;

    PreviousProjects(ProjectRepository projects, PreviousLinkRepository links, JdbcTemplate jdbc, DisplayTimes times,
                     @Value("${perf.database-zone:Asia/Shanghai}") ZoneId databaseZone) {
        this.databaseZone = databaseZone;
        this.projects = projects;
        this.links = links;
        this.jdbc = jdbc;
        this.times = times;
    }

    /** What the API answers: the linked project, or none; a hand "none" says who decided it. */
    public record LinkView(Long projectId, PreviousProject previous, boolean explicitlyNone, String linkedBy,
                           String linkedAt, List<IndicatorLink> indicators) {
    }

    /** An indicator matched by hand to one of last year's: this year's 三级 name, last year's, who and when. */
    public record IndicatorLink(String name, String previousName, String linkedBy, String linkedAt) {
    }

    /**
     * Last year's project of this (stored or unsaved) table, or empty. One query: a stored table's hand link and the
     * automatic candidates come together, since validation asks at every check (approval, task lists, imports).
     */
    @Transactional(readOnly = true)
    public Optional<PreviousProject> of(Project p) {
        String code = blankToNull(p.getCode());
        Unit unit = p.getUnit();
        String unitCode = unit == null ? null : blankToNull(unit.getCode());
        String unitName = unit == null ? null : blankToNull(unit.getName());
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (p.getId() != null) {
            sql.append("select 'H' as how, l.previous_project_id, q.fiscal_year, q.name, q.code"
                    + " from project_previous_link l left join project q on q.id = l.previous_project_id"
                    + " where l.project_id = ?");
            args.add(p.getId());
        }
        StringBuilder where = new StringBuilder();
        List<Object> whereArgs = new ArrayList<>();
        if (code != null) {
            where.append("p.code = ?");
            whereArgs.add(code);
        }
        // The unit by its id where it is stored (its code is unique): a query PostgreSQL plans in a fraction of the
        // time of one joining the units, and this one runs at every validation.
        if (unitCode != null && unit.getId() != null) {
            where.append(where.isEmpty() ? "" : " or ").append("p.unit_id = ?");
            whereArgs.add(unit.getId());
        } else if (unitCode != null) {
            where.append(where.isEmpty() ? "" : " or ")
                    .append("p.unit_id in (select u.id from unit u where u.code = ?)");
            whereArgs.add(unitCode);
        } else if (unitName != null) { // a unit some documents name only
            where.append(where.isEmpty() ? "" : " or ")
                    .append("p.unit_id in (select u.id from unit u where u.code is null and u.name = ?)");
            whereArgs.add(unitName);
        }
        if (!where.isEmpty()) {
            sql.append(sql.isEmpty() ? "" : " union all ")
                    .append("select 'A' as how, p.id, p.fiscal_year, p.name, p.code from project p")
                    .append(" where p.fiscal_year = ? and (").append(where).append(")");
            args.add(p.getYear() - 1);
            args.addAll(whereArgs);
        }
        if (sql.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> rows = jdbc.query(sql.toString(), (rs, i) -> Candidate.of(rs.getString(1),
                rs.getObject(2) == null ? null : rs.getLong(2), rs.getInt(3), rs.getString(4),
                blankToNull(rs.getString(5))), args.toArray());
        Optional<Candidate> hand = rows.stream().filter(c -> c.how.equals("H")).findFirst();
        if (hand.isPresent()) { // a hand link, or a hand "none", wins over any match
            Candidate h = hand.get();
            return h.id == null ? Optional.empty() : Optional.of(h.as(PreviousProject.How.HAND));
        }
        return automatic(ProjectNames.normalise(p.getName()), code, rows);
    }

    /**
     * Last year's project of every stored project of {@code year}, by project id (结果应用, whole-year lists): the same
     * rules as {@link #of}, in three queries whatever the number of tables (a province has up to 50,000 a year).
     */
    @Transactional(readOnly = true)
    public Map<Long, PreviousProject> ofYear(int year) {
        String select = "select p.id, p.fiscal_year, p.name, p.code, u.code, u.name from project p"
                + " left join unit u on u.id = p.unit_id where p.fiscal_year = ?";
        List<Stored> current = jdbc.query(select, Stored::read, year);
        Candidates last = new Candidates(jdbc.query(select, Stored::read, year - 1));
        Map<Long, Candidate> hand = new HashMap<>();
        jdbc.query("select l.project_id, l.previous_project_id, q.fiscal_year, q.name, q.code"
                + " from project_previous_link l join project p on p.id = l.project_id"
                + " left join project q on q.id = l.previous_project_id where p.fiscal_year = ?",
                rs -> {
                    hand.put(rs.getLong(1), handRow(rs));
                }, year);
        Map<Long, PreviousProject> out = new HashMap<>();
        for (Stored s : current) {
            last.match(s, hand.get(s.id)).ifPresent(found -> out.put(s.id, found));
        }
        return out;
    }

    /**
     * Last year's project of each of these (stored or unsaved) tables, in their order: {@link #of} for a batch (an
     * import's tables) in a few queries instead of one per table.
     */
    @Transactional(readOnly = true)
    public List<Optional<PreviousProject>> ofAll(List<Project> tables) {
        List<Stored> subjects = tables.stream().map(p -> new Stored(p.getId() == null ? -1 : p.getId(), p.getYear(),
                p.getName(), blankToNull(p.getCode()), p.getUnit() == null ? null : blankToNull(p.getUnit().getCode()),
                p.getUnit() == null ? null : blankToNull(p.getUnit().getName()))).toList();
        Map<Long, Candidate> hand = new HashMap<>();
        List<Long> ids = subjects.stream().filter(s -> s.id >= 0).map(Stored::id).distinct().toList();
        for (List<?> chunk : chunks(ids)) {
            jdbc.query("select l.project_id, l.previous_project_id, q.fiscal_year, q.name, q.code"
                    + " from project_previous_link l left join project q on q.id = l.previous_project_id"
                    + " where l.project_id in (" + marks(chunk.size()) + ")", rs -> {
                        hand.put(rs.getLong(1), handRow(rs));
                    }, chunk.toArray());
        }
        Map<Integer, Candidates> byYear = new HashMap<>();
        for (int year : subjects.stream().map(Stored::year).distinct().toList()) {
            List<Stored> ofYear = subjects.stream().filter(s -> s.year == year).toList();
            Map<Long, Stored> found = new LinkedHashMap<>();
            String select = "select p.id, p.fiscal_year, p.name, p.code, u.code, u.name from project p"
                    + " left join unit u on u.id = p.unit_id where p.fiscal_year = ? and ";
            query(select + "p.code in (", ofYear.stream().map(Stored::code), year - 1, found);
            query(select + "u.code in (", ofYear.stream().map(Stored::unitCode), year - 1, found);
            query(select + "u.code is null and u.name in (", ofYear.stream().filter(s -> s.unitCode == null)
                    .map(Stored::unitName), year - 1, found);
            byYear.put(year, new Candidates(List.copyOf(found.values())));
        }
        return subjects.stream().map(s -> byYear.get(s.year).match(s, s.id >= 0 ? hand.get(s.id) : null)).toList();
    }

    private void query(String sql, java.util.stream.Stream<String> keys, int year, Map<Long, Stored> found) {
        for (List<?> chunk : chunks(keys.filter(java.util.Objects::nonNull).distinct().toList())) {
            List<Object> args = new ArrayList<>();
            args.add(year);
            args.addAll(chunk);
            jdbc.query(sql + marks(chunk.size()) + ")", Stored::read, args.toArray()).forEach(s -> found.put(s.id, s));
        }
    }

    private static List<? extends List<?>> chunks(List<?> keys) {
        List<List<?>> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 500) { // IN lists of at most 500 values
            out.add(keys.subList(i, Math.min(keys.size(), i + 500)));
        }
        return out;
    }

    private static String marks(int n) {
        return "?,".repeat(n).substring(0, 2 * n - 1);
    }

    private static Candidate handRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Candidate.of("H", rs.getObject(2) == null ? null : rs.getLong(2), rs.getInt(3), rs.getString(4),
                blankToNull(rs.getString(5)));
    }

    /**
     * Last year's projects indexed as the single-table query selects them: by code, and by unit (code, else name)
     * and normalised name, so that a table meets only the candidates the rules could pick, not every project its
     * unit had last year. Each name is normalised once here.
     */
    private static final class Candidates {
        private final Map<String, List<Candidate>> byCode = new HashMap<>();
        private final Map<String, Map<String, List<Candidate>>> byUnit = new HashMap<>();
        private final Map<String, Map<String, List<Candidate>>> byUnitName = new HashMap<>();

        Candidates(List<Stored> last) {
            for (Stored s : last) {
                Candidate c = Candidate.of("A", s.id, s.year, s.name, s.code);
                if (s.code != null) {
                    byCode.computeIfAbsent(s.code, k -> new ArrayList<>()).add(c);
                }
                if (s.unitCode != null) {
                    byUnit.computeIfAbsent(s.unitCode, k -> new HashMap<>())
                            .computeIfAbsent(c.key, k -> new ArrayList<>()).add(c);
                } else if (s.unitName != null) {
                    byUnitName.computeIfAbsent(s.unitName, k -> new HashMap<>())
                            .computeIfAbsent(c.key, k -> new ArrayList<>()).add(c);
                }
            }
        }

        /**
         * A hand link (or hand "none") wins; else {@link #automatic} over the same code's projects and the unit's
         * projects of the same name (by unit code, else by unit name): the only ones among all of the unit's that
         * its rules can pick.
         */
        Optional<PreviousProject> match(Stored s, Candidate hand) {
            if (hand != null) {
                return hand.id == null ? Optional.empty() : Optional.of(hand.as(PreviousProject.How.HAND));
            }
            Map<Long, Candidate> candidates = new LinkedHashMap<>();
            if (s.code != null) {
                byCode.getOrDefault(s.code, List.of()).forEach(c -> candidates.put(c.id, c));
            }
            Map<String, List<Candidate>> unit = s.unitCode != null ? byUnit.get(s.unitCode)
                    : s.unitName != null ? byUnitName.get(s.unitName) : null;
            String name = ProjectNames.normalise(s.name);
            if (unit != null) {
                unit.getOrDefault(name, List.of()).forEach(c -> candidates.put(c.id, c));
            }
            return automatic(name, s.code, List.copyOf(candidates.values()));
        }
    }

    private record Stored(long id, int year, String name, String code, String unitCode, String unitName) {
        static Stored read(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
            return new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3), blankToNull(rs.getString(4)),
                    blankToNull(rs.getString(5)), blankToNull(rs.getString(6)));
        }
    }

    @Transactional(readOnly = true)
    public LinkView view(Long projectId, Caller caller) {
        Project p = visible(projectId, caller.scope());
        Optional<PreviousLink> hand = links.findById(p.getId());
        Optional<PreviousProject> previous = of(p);
        return new LinkView(p.getId(), previous.orElse(null),
                hand.isPresent() && hand.get().getPreviousProjectId() == null,
                hand.map(PreviousLink::getLinkedBy).orElse(null),
                hand.map(l -> times.minutes(l.getLinkedAt())).orElse(null),
                indicatorLinkViews(p, previous.flatMap(q -> projects.findById(q.id())).orElse(null)));
    }

    /** This project's indicators matched by hand: this year's name key → last year's ({@link ProjectNames}). */
    @Transactional(readOnly = true)
    public Map<String, String> indicatorLinks(Long projectId) {
        return indicatorLinks(List.of(projectId)).getOrDefault(projectId, new HashMap<>());
    }

    /** {@link #indicatorLinks} of several stored projects in one query per 500 (a page of the task list). */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, String>> indicatorLinks(java.util.Collection<Long> projectIds) {
        Map<Long, Map<String, String>> links = new HashMap<>();
        for (List<?> chunk : chunks(List.copyOf(projectIds))) {
            jdbc.query("select project_id, name_key, previous_name_key from indicator_previous_link"
                    + " where project_id in (" + marks(chunk.size()) + ")", rs -> {
                        links.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .put(rs.getString(2), rs.getString(3));
                    }, chunk.toArray());
        }
        return links;
    }

    /**
     * 指标手工关联: this year's indicator {@code name} continues last year's {@code previousName} (an indicator of the
     * project this one continues), or with {@code previousName} null matches by its name again. Who may: as for
     * {@link #link}. Names are compared normalised, as the automatic match does.
     */
    @Transactional
    public LinkView linkIndicator(Long projectId, String name, String previousName, Caller caller) {
        Project p = visible(projectId, caller.scope());
        mayLink(p, caller);
        String key = ProjectNames.normalise(name == null ? "" : name);
        if (key.isEmpty() || p.getIndicators().stream().noneMatch(i -> key.equals(ProjectNames.normalise(
                i.getName())))) {
            throw new InvalidInputException("项目“" + p.getName() + "”没有三级指标“" + (name == null ? "" : name.strip())
                    + "”");
        }
        if (previousName == null || previousName.isBlank()) {
            jdbc.update("delete from indicator_previous_link where project_id = ? and name_key = ?", p.getId(), key);
            return view(projectId, caller);
        }
        PreviousProject previous = of(p).orElseThrow(() -> new InvalidInputException("项目“" + p.getName()
                + "”还没有上年项目：请先关联上年项目，再关联指标"));
        Project last = projects.findById(previous.id()).orElseThrow();
        String previousKey = ProjectNames.normalise(previousName);
        if (previousKey.isEmpty() || last.getIndicators().stream().noneMatch(i -> previousKey.equals(
                ProjectNames.normalise(i.getName())))) {
            throw new InvalidInputException("上年项目“" + last.getName() + "”（" + last.getYear() + "年）没有三级指标“"
                    + previousName.strip() + "”");
        }
        String taken = indicatorLinks(p.getId()).entrySet().stream()
                .filter(e -> e.getValue().equals(previousKey) && !e.getKey().equals(key))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (taken != null) {
            throw new ConflictException("上年指标“" + previousName.strip() + "”已手工关联到今年的指标“"
                    + displayName(p, taken) + "”，请先取消该关联");
        }
        jdbc.update("delete from indicator_previous_link where project_id = ? and name_key = ?", p.getId(), key);
        try {
            jdbc.update("insert into indicator_previous_link (project_id, name_key, previous_name_key, linked_by, "
                    + "linked_at) values (?, ?, ?, ?, ?)", p.getId(), key, previousKey, caller.userId(),
                    java.sql.Timestamp.valueOf(java.time.LocalDateTime.ofInstant(times.now(), databaseZone)));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // A colleague linked the same indicator at the same moment: theirs stands, this one is told.
            throw new ConflictException("指标“" + name.strip() + "”刚刚已由他人关联，请刷新后查看");
        }
        return view(projectId, caller);
    }

    private List<IndicatorLink> indicatorLinkViews(Project p, Project last) {
        List<IndicatorLink> out = new ArrayList<>();
        jdbc.query("select name_key, previous_name_key, linked_by, linked_at from indicator_previous_link "
                + "where project_id = ? order by name_key", rs -> {
                    out.add(new IndicatorLink(displayName(p, rs.getString(1)),
                            last == null ? rs.getString(2) : displayName(last, rs.getString(2)), rs.getString(3),
                            times.minutes(rs.getTimestamp(4).toLocalDateTime().atZone(databaseZone).toInstant())));
                }, p.getId());
        return out;
    }

    private static String displayName(Project p, String key) {
        return p.getIndicators().stream().map(Indicator::getName)
                .filter(n -> n != null && key.equals(ProjectNames.normalise(n))).findFirst().orElse(key).strip();
    }

    private void mayLink(Project p, Caller caller) {
        String unitCode = p.getUnit() == null ? null : p.getUnit().getCode();
        if (!caller.isFinance() && (unitCode == null || !caller.unitCodes().contains(unitCode))) {
            throw new ForbiddenException("只有项目单位的填报人或财政可以关联项目“" + p.getName() + "”的上年项目");
        }
    }

    /**
     * 手工关联: links the project to {@code previousId} (of year N-1), or with null to none at all. Both projects must be
     * the caller's to see (else 404); only the project unit's preparers and finance may link.
     */
    @Transactional
    public LinkView link(Long projectId, Long previousId, Caller caller) {
        Project p = visible(projectId, caller.scope());
        mayLink(p, caller);
        if (previousId != null) {
            Project previous = visible(previousId, caller.scope());
            if (previous.getYear() != p.getYear() - 1) {
                throw new InvalidInputException("上年项目应为 " + (p.getYear() - 1) + " 年度的项目：项目“"
                        + previous.getName() + "”是 " + previous.getYear() + " 年度的");
            }
        }
        PreviousLink link = links.findById(p.getId()).orElseGet(() -> new PreviousLink(p.getId()));
        link.set(previousId, caller.userId(), times.now());
        links.saveAndFlush(link); // the lookup reads links by JDBC, in this transaction
        return view(projectId, caller);
    }

    /** The project if the scope covers it; another unit's project answers as if it did not exist. */
    private Project visible(Long id, Scope scope) {
        Project p = id == null ? null : projects.findById(id).orElse(null);
        if (p == null || !p.within(scope)) {
            throw new NotFoundException("项目 " + id + " 不存在");
        }
        return p;
    }

    /** @param name the table's name normalised ({@link ProjectNames}) */
    private static Optional<PreviousProject> automatic(String name, String code, List<Candidate> candidates) {
        if (code != null) {
            List<Candidate> byCode = candidates.stream().filter(c -> code.equals(c.code)).toList();
            if (byCode.size() == 1) {
                return Optional.of(byCode.get(0).as(PreviousProject.How.CODE));
            }
        }
        // By name only where one side has no 项目编码: two different codes are two different projects.
        List<Candidate> byName = candidates.stream()
                .filter(c -> code == null || c.code == null)
                .filter(c -> !name.isEmpty() && name.equals(c.key)).toList();
        // Two of last year's projects with the same name: which one it continues is for a person to say.
        return byName.size() == 1 ? Optional.of(byName.get(0).as(PreviousProject.How.NAME)) : Optional.empty();
    }

    /**
     * {@code key}: the name normalised ({@link ProjectNames}), as the match by name compares it; empty for a hand
     * link ({@code how} H), which wins without a comparison.
     */
    private record Candidate(String how, Long id, int year, String name, String code, String key) {
        static Candidate of(String how, Long id, int year, String name, String code) {
            return new Candidate(how, id, year, name, code, "H".equals(how) ? "" : ProjectNames.normalise(name));
        }

        PreviousProject as(PreviousProject.How h) {
            return new PreviousProject(id, year, name, code, h);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
