package org.openperf.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openperf.kernel.Caller;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.review.forms.LastYearResults;
import org.openperf.targets.PreviousProject;
import org.openperf.targets.PreviousProjects;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectRepository;
import org.openperf.targets.ProjectView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 结果应用 (issue 19, docs/year-over-year.md): every target table of year N+1 beside what its previous project achieved
 * in year N: the published self-evaluation's 总分, 等级 and 预算执行率, the red lights of the year (milestone checks and
 * 监控表), and the budget's change. Finance and administrators see every department, a department's reviewers their
 * own; a unit's preparers are refused (the page is for budgeting, not for the units).
 *
 * <p>The whole year is read in a few queries (the tables, last year's links, last year's figures), not per row,
 * then filtered, sorted and paged in memory: a province has up to 50,000 tables a year.
 */
@Service
public class ResultsApplication implements LastYearResults {

    public static final int PAGE_SIZE = 200;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PreviousProjects previous;
    private final ProjectRepository projects;
    private final JdbcTemplate jdbc;

    ResultsApplication(PreviousProjects previous, ProjectRepository projects, JdbcTemplate jdbc) {
        this.previous = previous;
        this.projects = projects;
        this.jdbc = jdbc;
    }

    /**
     * One table of year N+1 with last year's results. {@code lastYear} says which kind of row it is: 无上年 (no linked
     * project), 上年未公开 (linked, its self-evaluation not published yet) or the year; amounts in 万元.
     */
    public record Row(long projectId, String projectName, String projectCode, String unitName, String departmentCode,
                      String departmentName, BigDecimal budget, String lastYear, Long previousId, String previousName,
                      String link, BigDecimal score, String grade, BigDecimal executionRate, Integer redLights,
                      BigDecimal lastBudget, BigDecimal change, BigDecimal changePercent, boolean weak) {
    }

    public record Page(int year, int lastYear, String department, boolean weakOnly, int page, int pageSize,
                       int total, int pages, List<Row> rows) {
    }

    /** One page (from 0) of the year's rows the caller may see, 差 first, then 中, then by the budget's rise. */
    @Transactional(readOnly = true)
    public Page page(int year, String department, boolean weakOnly, int page, Caller caller) {
        if (page < 0) {
            throw new InvalidInputException("页码 " + page + " 无效：应从 0 开始");
        }
        List<Row> all = rows(year, department, weakOnly, caller);
        int from = Math.min(all.size(), page * PAGE_SIZE);
        int to = Math.min(all.size(), from + PAGE_SIZE);
        return new Page(year, year - 1, blankToNull(department), weakOnly, page, PAGE_SIZE, all.size(),
                (all.size() + PAGE_SIZE - 1) / PAGE_SIZE, all.subList(from, to));
    }

    /** Every row the caller may see (the workbook), in the page's order. */
    @Transactional(readOnly = true)
    public List<Row> rows(int year, String department, boolean weakOnly, Caller caller) {
        checkYear(year);
        if (!caller.isFinance() && !caller.isAdmin() && caller.departmentCodes().isEmpty()) {
            throw new ForbiddenException("结果应用仅供财政部门和主管部门查看");
        }
        String dept = blankToNull(department);
        StringBuilder sql = new StringBuilder("select p.id, p.name, p.code, p.budget, u.name, d.code, d.name"
                + " from project p left join unit u on u.id = p.unit_id"
                + " left join department d on d.id = u.department_id where p.fiscal_year = ?");
        List<Object> args = new ArrayList<>(List.of(year));
        if (!caller.isFinance() && !caller.isAdmin()) { // a department's reviewers: their own department's rows
            sql.append(" and d.code in (").append("?,".repeat(caller.departmentCodes().size()));
            sql.setLength(sql.length() - 1);
            sql.append(")");
            args.addAll(caller.departmentCodes());
        }
        if (dept != null) {
            sql.append(" and d.code = ?");
            args.add(dept);
        }
        List<Current> current = jdbc.query(sql.toString(), (rs, n) -> new Current(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                args.toArray());
        if (current.isEmpty()) {
            return List.of();
        }
        Map<Long, PreviousProject> links = previous.ofYear(year);
        Map<Long, Figures> figures = figures("p.fiscal_year = ?", year - 1);
        List<Row> rows = new ArrayList<>(current.size());
        for (Current c : current) {
            PreviousProject p = links.get(c.id);
            Row row = row(c, p, p == null ? null : figures.get(p.id()));
            if (!weakOnly || row.weak()) {
                rows.add(row);
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    /** The row of one table as the 财政审核 form shows it (no scope: the form's task access has been checked). */
    @Transactional(readOnly = true)
    public Row of(long projectId) {
        Project p = projects.findById(projectId)
                .orElseThrow(() -> new NotFoundException("项目 " + projectId + " 不存在"));
        Optional<PreviousProject> last = previous.of(p);
        Figures f = last.map(l -> figures("p.id = ?", l.id()).get(l.id())).orElse(null);
        var unit = p.getUnit();
        return row(new Current(p.getId(), p.getName(), p.getCode(), p.getBudget(),
                        unit == null ? null : unit.getName(), unit == null ? null : unit.getDepartment().getCode(),
                        unit == null ? null : unit.getDepartment().getName()),
                last.orElse(null), f);
    }

    /** The 财政审核 form's text variables ({@link LastYearResults}); "—" where there is no figure. */
    @Override
    public Map<String, String> forFinanceReview(Long projectId) {
        Row r = of(projectId);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("lastYear", r.previousId() == null ? r.lastYear()
                : r.lastYear() + "：" + r.previousName() + "（" + r.link() + "）");
        v.put("lastScore", text(r.score()));
        v.put("lastGrade", r.grade() == null ? "—" : r.grade());
        v.put("lastExecutionRate", r.executionRate() == null ? "—" : r.executionRate().toPlainString() + "%");
        v.put("lastRedLights", r.redLights() == null ? "—" : r.redLights() + " 次");
        v.put("lastBudget", text(r.lastBudget()));
        v.put("budgetChange", change(r));
        v.put("resultsAdvice", r.weak() ? "上年自评等级为“" + r.grade()
                + "”而今年预算增加：评价结果为中、差的项目原则上不增加预算，请核实理由" : "");
        return v;
    }

    /** 增加 50.00 万元（+50.00%）, 减少 …, 持平, or — without last year's budget. */
    static String change(Row r) {
        if (r.change() == null) {
            return "—";
        }
        int sign = r.change().signum();
        if (sign == 0) {
            return "持平";
        }
        String pct = r.changePercent() == null ? "" : "（" + (sign > 0 ? "+" : "") + r.changePercent().toPlainString()
                + "%）";
        return (sign > 0 ? "增加 " : "减少 ") + ProjectView.amount(r.change().abs()).toPlainString() + " 万元" + pct;
    }

    /** 差 before 中 before 良 before 优, then unpublished, then 无上年; within each, the biggest rise first. */
    static final Comparator<Row> ORDER = Comparator.comparingInt(ResultsApplication::rank)
            .thenComparing(Row::changePercent, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Row::change, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(Row::projectId);

    private static int rank(Row r) {
        if (r.grade() != null) {
            int i = List.of("差", "中", "良", "优").indexOf(r.grade());
            return i < 0 ? 4 : i;
        }
        return r.previousId() == null ? 6 : 5;
    }

    private Row row(Current c, PreviousProject p, Figures f) {
        if (p == null) {
            return new Row(c.id, c.name, c.code, c.unitName, c.departmentCode, c.departmentName,
                    amount(c.budget), "无上年", null, null, null, null, null, null, null, null, null, null, false);
        }
        BigDecimal lastBudget = f == null ? null : f.budget;
        BigDecimal change = lastBudget == null || c.budget == null ? null : c.budget.subtract(lastBudget);
        BigDecimal percent = change == null || lastBudget.signum() == 0 ? null
                : change.multiply(HUNDRED).divide(lastBudget, 2, RoundingMode.HALF_UP);
        boolean published = f != null && f.grade != null;
        boolean weak = published && ("中".equals(f.grade) || "差".equals(f.grade)) && change != null
                && change.signum() > 0;
        return new Row(c.id, c.name, c.code, c.unitName, c.departmentCode, c.departmentName, amount(c.budget),
                published ? p.year() + "年" : "上年未公开", p.id(), p.name(), how(p.how()),
                published ? f.score : null, published ? f.grade : null, published ? f.executionRate : null,
                f == null ? null : f.redLights, amount(lastBudget), amount(change), percent, weak);
    }

    /**
     * Last year's figures per project: the published self-evaluation (总分, 等级, its 预算执行率 = 全年执行数 ÷ 全年预算数
     * as self-evaluated), the year's red lights (milestone checks, and 监控表 not sent back), the 预算数. One query.
     */
    private Map<Long, Figures> figures(String where, Object arg) {
        String yearOf = where.startsWith("p.id") ? "(select fiscal_year from project where id = ?)" : "?";
        String sql = "select p.id, p.budget, e.total, e.grade, e.budget, e.spent,"
                + " coalesce(m.n, 0) + coalesce(r.n, 0)"
                + " from project p"
                + " left join self_evaluation e on e.project_id = p.id and e.fiscal_year = p.fiscal_year"
                + " and e.status = 'PUBLISHED'"
                + " left join (select m.project_id, count(*) as n from milestone_result m"
                + " join project q on q.id = m.project_id where q.fiscal_year = " + yearOf + " and m.light = 'RED'"
                + " group by m.project_id) m on m.project_id = p.id"
                + " left join (select r.project_id, count(*) as n from monitoring_report r"
                + " join project q on q.id = r.project_id where q.fiscal_year = " + yearOf
                + " and r.project_light = 'RED' and r.status <> 'RETURNED' group by r.project_id) r on r.project_id = p.id"
                + " where " + where;
        Map<Long, Figures> out = new HashMap<>();
        jdbc.query(sql, rs -> {
            BigDecimal budget = rs.getBigDecimal(5);
            BigDecimal spent = rs.getBigDecimal(6);
            BigDecimal rate = budget == null || spent == null || budget.signum() == 0 ? null
                    : spent.multiply(HUNDRED).divide(budget, 2, RoundingMode.HALF_UP);
            BigDecimal total = rs.getBigDecimal(3);
            out.put(rs.getLong(1), new Figures(rs.getBigDecimal(2),
                    total == null ? null : total.setScale(2, RoundingMode.HALF_UP), rs.getString(4), rate,
                    rs.getInt(7)));
        }, arg, arg, arg);
        return out;
    }

    private static String how(PreviousProject.How how) {
        return switch (how) {
            case CODE -> "按项目编码关联";
            case NAME -> "按单位和名称关联";
            case HAND -> "手工关联";
        };
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2200) {
            throw new InvalidInputException("预算年度 " + year + " 无效：应为 2000–2200 之间的年份");
        }
    }

    private static BigDecimal amount(BigDecimal v) {
        return ProjectView.amount(v);
    }

    private static String text(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Current(long id, String name, String code, BigDecimal budget, String unitName,
                           String departmentCode, String departmentName) {
    }

    private record Figures(BigDecimal budget, BigDecimal score, String grade, BigDecimal executionRate,
                           int redLights) {
    }
}
