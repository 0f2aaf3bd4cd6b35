package org.openperf.targets;

import org.openperf.kernel.ConflictException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.Scope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Hibernate;
import org.openperf.kernel.Finding;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafting a project's target table: create, read, replace while it is a draft, and validate. */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final UnitRepository units;
    private final TableChecks validation;
    private final ApplicationEventPublisher events;

    @PersistenceContext
    private EntityManager entityManager;

    public ProjectService(ProjectRepository projects, UnitRepository units, TableChecks validation,
                          ApplicationEventPublisher events) {
        this.projects = projects;
        this.units = units;
        this.validation = validation;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Page<ProjectSummary> list(Integer year, String unitCode, ProjectStatus status, Scope scope, Pageable page) {
        return projects.search(year, blankToNull(unitCode), status, scope, page).map(ProjectSummary::of);
    }

    /** The caller's projects of a year (or unit); callers read indicators inside their own transaction. */
    @Transactional(readOnly = true)
    public List<Project> tables(Integer year, String unitCode, Scope scope) {
        return projects.search(year, blankToNull(unitCode), null, scope, Pageable.unpaged()).getContent();
    }

    @Transactional(readOnly = true)
    public ProjectView view(Long id) {
        Project p = table(id);
        return ProjectView.of(p, validation.validate(p));
    }

    @Transactional(readOnly = true)
    public ProjectView view(Long id, Scope scope) {
        Project p = table(id, scope);
        return ProjectView.of(p, validation.validate(p));
    }

    @Transactional(readOnly = true)
    public List<Finding> validate(Long id, Scope scope) {
        return validation.validate(table(id, scope));
    }

    /** The project if the scope covers it; another unit's project answers as if it did not exist. */
    @Transactional(readOnly = true)
    public Project table(Long id, Scope scope) {
        Project p = table(id);
        if (!p.within(scope)) {
            throw new NotFoundException("项目 " + id + " 不存在");
        }
        return p;
    }

    @Transactional
    public ProjectView create(ProjectForm form) {
        return create(form, Scope.ALL);
    }

    @Transactional
    public ProjectView create(ProjectForm form, Scope scope) {
        requireBasics(form);
        Project p = new Project(form.year(), form.name().trim());
        apply(form, p);
        if (!p.within(scope)) {
            throw new InvalidInputException("只能为本单位（或本部门所属单位）新建项目");
        }
        projects.save(p);
        events.publishEvent(new ProjectDraftCreated(p.getId()));
        return ProjectView.of(p, validation.validate(p));
    }

    /** Replaces a draft's whole table in one transaction: either all of the edit is stored or none. */
    @Transactional
    public ProjectView update(Long id, ProjectForm form, Scope scope) {
        Project p = table(id, scope);
        if (!p.isEditable()) {
            throw new ConflictException("项目“" + p.getName() + "”当前状态为" + p.getStatus().label()
                    + "，只有编制中的目标表可以修改");
        }
        requireBasics(form);
        if (p.getVersion() >= 1 && form.year() != p.getYear()) {
            // Its lifecycle, its rounds and its versions belong to the year it was approved for.
            throw new InvalidInputException("项目“" + p.getName() + "”已批复为 " + p.getYear()
                    + " 年度的目标表，调整时不能改为 " + form.year() + " 年度");
        }
        p.setYear(form.year());
        p.setName(form.name().trim());
        apply(form, p);
        if (!p.within(scope)) {
            // Checked on what is written, not only on what was stored: a draft cannot be moved out of reach.
            throw new InvalidInputException("只能将项目归属于本单位（或本部门所属单位），不能改为“"
                    + (p.getUnit() == null ? "无单位" : p.getUnit().getName() + "（" + p.getUnit().getCode() + "）") + "”");
        }
        projects.saveAndFlush(p);
        events.publishEvent(new ProjectDraftEdited(p.getId()));
        return ProjectView.of(p, validation.validate(p));
    }

    /**
     * Checks an edited table without storing anything: the target table page calls it as values are typed, so the
     * parser and the rules are the server's own. The answer has the parsed values and the findings.
     */
    @Transactional(readOnly = true)
    public ProjectView check(Long id, ProjectForm form, Scope scope) {
        table(id, scope);
        requireBasics(form);
        Project edited = new Project(form.year(), form.name().trim());
        apply(form, edited);
        return ProjectView.of(edited, validation.validate(edited));
    }

    /** The project list of the pages: {@link #list} plus a search in the name or code. */
    @Transactional(readOnly = true)
    public Page<Project> browse(Integer year, String unitCode, ProjectStatus status, String text, Scope scope,
                                Pageable page) {
        String q = blankToNull(text);
        return projects.browse(year, blankToNull(unitCode), status, q == null ? null : "%" + q.toLowerCase() + "%",
                scope, page);
    }

    /** Who submitted the table for review (null while nobody has); its indicators are not read for this. */
    @Transactional(readOnly = true)
    public String submitter(Long id) {
        Project p = entityManager.find(Project.class, id);
        if (p == null) {
            throw new NotFoundException("项目 " + id + " 不存在");
        }
        return p.getSubmittedBy();
    }

    /**
     * The project with its unit and spending plan but without its indicators (a table's largest part), for a caller
     * that reads nothing else and only inside its own transaction: the milestone checks. Its indicators, read after
     * that transaction, would fail to load.
     */
    @Transactional(readOnly = true)
    public Project header(Long id) {
        Project p = entityManager.find(Project.class, id);
        if (p == null) {
            throw new NotFoundException("项目 " + id + " 不存在");
        }
        return p;
    }

    @Transactional(readOnly = true)
    public Project table(Long id) {
        // By key, not by query: a lifecycle start, a task's listeners and a delegate ask for the same table several
        // times in one transaction, and a query would first dirty-check everything the transaction holds (an
        // import holds its tables). The whole table still comes back loaded, for callers outside the transaction.
        Project p = entityManager.find(Project.class, id);
        if (p == null) {
            throw new NotFoundException("项目 " + id + " 不存在");
        }
        Hibernate.initialize(p.getIndicators());
        return p;
    }

    private void requireBasics(ProjectForm form) {
        List<String> missing = new ArrayList<>();
        if (form.year() == null) {
            missing.add("year（预算年度）");
        } else if (form.year() < 2000 || form.year() > 2100) {
            throw new InvalidInputException("预算年度 " + form.year() + " 不在 2000–2100 之间");
        }
        if (form.name() == null || form.name().isBlank()) {
            missing.add("name（项目名称）");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("缺少必填字段：" + String.join("、", missing));
        }
    }

    private void apply(ProjectForm form, Project p) {
        p.setCode(blankToNull(form.code()));
        p.setUnit(resolveUnit(form.unit()));
        p.setCategory(blankToNull(form.category()));
        p.setBudget(form.budget());
        p.setFiscalFunds(form.fiscalFunds());
        p.setOtherFunds(form.otherFunds());
        p.setBudgetNote(blankToNull(form.budgetNote()));
        p.setPurpose(form.purpose());
        p.setGoal(form.goal());
        List<SpendingPlanEntry> plan = new ArrayList<>();
        if (form.spendingPlan() != null) {
            for (ProjectView.PlanRow row : form.spendingPlan()) {
                if (row.cumulativePercent() == null) {
                    throw new InvalidInputException("资金支出计划 " + row.month() + "月底 缺少累计百分比");
                }
                plan.add(new SpendingPlanEntry(row.month(), row.cumulativePercent()));
            }
        }
        p.setSpendingPlan(plan);
        List<Indicator> rows = new ArrayList<>();
        if (form.indicators() != null) {
            for (ProjectForm.IndicatorInput in : form.indicators()) {
                rows.add(indicator(in, p.getYear()));
            }
        }
        p.replaceIndicators(rows);
    }

    private static Indicator indicator(ProjectForm.IndicatorInput in, int year) {
        String text = in.value() == null ? null : in.value().text();
        String l1 = IndicatorFramework.level1(in.level1());
        String l2 = IndicatorFramework.level2(in.level2());
        Indicator i = new Indicator(l1 != null ? l1 : blankToNull(in.level1()), l2 != null ? l2 : blankToNull(in.level2()),
                blankToNull(in.name()), blankToNull(in.description()), TargetValueParser.parse(text, year));
        i.setBasis(blankToNull(in.basis()));
        i.setWeight(in.weight());
        ProjectView.BandsView b = in.bands();
        if (b != null) {
            // four blank band cells on the page are no bands
            GradeBands bands = new GradeBands(blankToNull(b.excellent()), blankToNull(b.good()),
                    blankToNull(b.fair()), blankToNull(b.poor()));
            i.setBands(bands.isEmpty() ? null : bands);
        }
        return i;
    }

    private Unit resolveUnit(ProjectForm.UnitInput in) {
        if (in == null || (blankToNull(in.code()) == null && blankToNull(in.name()) == null)) {
            return null;
        }
        if (blankToNull(in.code()) != null) {
            return units.findByCode(in.code().trim())
                    .orElseThrow(() -> new InvalidInputException("预算单位编码 " + in.code() + " 不存在"));
        }
        return units.findFirstByName(in.name().trim())
                .orElseThrow(() -> new InvalidInputException("预算单位“" + in.name() + "”不存在"));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
