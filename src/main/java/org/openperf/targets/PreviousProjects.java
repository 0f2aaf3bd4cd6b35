package org.openperf.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openperf.kernel.Caller;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.Scope;
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

    PreviousProjects(ProjectRepository projects, PreviousLinkRepository links, JdbcTemplate jdbc, DisplayTimes times) {
        this.projects = projects;
        this.links = links;
        this.jdbc = jdbc;
        this.times = times;
    }

    /** What the API answers: the linked project, or none; a hand "none" says who decided it. */
    public record LinkView(Long projectId, PreviousProject previous, boolean explicitlyNone, String linkedBy,
                           String linkedAt) {
    }

    /** Last year's project of this (stored or unsaved) table, or empty. */
    @Transactional(readOnly = true)
    public Optional<PreviousProject> of(Project p) {
        if (p.getId() != null) {
            Optional<PreviousLink> hand = links.findById(p.getId());
            if (hand.isPresent()) {
                PreviousLink l = hand.get();
                return l.getPreviousProjectId() == null ? Optional.empty()
                        : byId(l.getPreviousProjectId()).map(c -> new PreviousProject(c.id, c.year, c.name, c.code,
                                PreviousProject.How.HAND, l.getLinkedBy(), l.getLinkedAt()));
            }
        }
        return automatic(p);
    }

    @Transactional(readOnly = true)
    public LinkView view(Long projectId, Caller caller) {
        Project p = visible(projectId, caller.scope());
        Optional<PreviousLink> hand = links.findById(p.getId());
        Optional<PreviousProject> previous = of(p);
        return new LinkView(p.getId(), previous.orElse(null),
                hand.isPresent() && hand.get().getPreviousProjectId() == null,
                hand.map(PreviousLink::getLinkedBy).orElse(null),
                hand.map(l -> times.minutes(l.getLinkedAt())).orElse(null));
    }

    /**
     * 手工关联: links the project to {@code previousId} (of year N-1), or with null to none at all. Both projects must be
     * the caller's to see (else 404); only the project unit's preparers and finance may link.
     */
    @Transactional
    public LinkView link(Long projectId, Long previousId, Caller caller) {
        Project p = visible(projectId, caller.scope());
        String unitCode = p.getUnit() == null ? null : p.getUnit().getCode();
        if (!caller.isFinance() && (unitCode == null || !caller.unitCodes().contains(unitCode))) {
            throw new ForbiddenException("只有项目单位的填报人或财政可以关联项目“" + p.getName() + "”的上年项目");
        }
        if (previousId != null) {
            Project previous = visible(previousId, caller.scope());
            if (previous.getYear() != p.getYear() - 1) {
                throw new InvalidInputException("上年项目应为 " + (p.getYear() - 1) + " 年度的项目：项目“"
                        + previous.getName() + "”是 " + previous.getYear() + " 年度的");
            }
        }
        PreviousLink link = links.findById(p.getId()).orElseGet(() -> new PreviousLink(p.getId()));
        link.set(previousId, caller.userId(), times.now());
        links.save(link);
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

    private Optional<PreviousProject> automatic(Project p) {
        String code = blankToNull(p.getCode());
        Unit unit = p.getUnit();
        String unitCode = unit == null ? null : blankToNull(unit.getCode());
        String unitName = unit == null ? null : blankToNull(unit.getName());
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        args.add(p.getYear() - 1);
        if (code != null) {
            where.append("p.code = ?");
            args.add(code);
        }
        if (unitCode != null) {
            where.append(where.isEmpty() ? "" : " or ").append("u.code = ?");
            args.add(unitCode);
        } else if (unitName != null) { // a unit some documents name only
            where.append(where.isEmpty() ? "" : " or ").append("(u.code is null and u.name = ?)");
            args.add(unitName);
        }
        if (where.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> candidates = jdbc.query("select p.id, p.fiscal_year, p.name, p.code, u.code as unit_code"
                        + " from project p left join unit u on u.id = p.unit_id where p.fiscal_year = ? and ("
                        + where + ")",
                (rs, i) -> new Candidate(rs.getLong(1), rs.getInt(2), rs.getString(3), blankToNull(rs.getString(4))),
                args.toArray());
        if (code != null) {
            List<Candidate> byCode = candidates.stream().filter(c -> code.equals(c.code)).toList();
            if (byCode.size() == 1) {
                return Optional.of(byCode.get(0).as(PreviousProject.How.CODE));
            }
        }
        // By name only where one side has no 项目编码: two different codes are two different projects.
        String name = ProjectNames.normalise(p.getName());
        List<Candidate> byName = candidates.stream()
                .filter(c -> code == null || c.code == null)
                .filter(c -> !name.isEmpty() && name.equals(ProjectNames.normalise(c.name))).toList();
        // Two of last year's projects with the same name: which one it continues is for a person to say.
        return byName.size() == 1 ? Optional.of(byName.get(0).as(PreviousProject.How.NAME)) : Optional.empty();
    }

    private Optional<Candidate> byId(Long id) {
        return jdbc.query("select id, fiscal_year, name, code from project where id = ?",
                (rs, i) -> new Candidate(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)), id)
                .stream().findFirst();
    }

    private record Candidate(long id, int year, String name, String code) {
        PreviousProject as(PreviousProject.How how) {
            return new PreviousProject(id, year, name, code, how, null, null);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
