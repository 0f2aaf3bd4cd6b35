package org.openperf.departments;

import java.util.ArrayList;
import java.util.List;
import org.openperf.kernel.Caller;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.Finding;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.NotFoundException;
import org.openperf.kernel.Scope;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.ProjectStatus;
import org.openperf.targets.UnitRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department tables (部门整体绩效目标) and who may see them: finance and administrators every one; a department's
 * reviewers their own department's; a unit's preparers their department's once it is approved. A table outside
 * that answers as a missing one (404), so its existence is not told either.
 */
@Service
public class DepartmentTargets {

    private final DepartmentTargetRepository tables;
    private final DepartmentRepository departments;
    private final UnitRepository units;
    private final DepartmentTargetChecks checks;

    private final DisplayTimes times;

    public DepartmentTargets(DepartmentTargetRepository tables, DepartmentRepository departments,
                             UnitRepository units, DepartmentTargetChecks checks, DisplayTimes times) {
        this.times = times;
        this.tables = tables;
        this.departments = departments;
        this.units = units;
        this.checks = checks;
    }

    @Transactional(readOnly = true)
    public List<DepartmentTargetView.Summary> list(Integer year, String departmentCode, Caller caller) {
        String code = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip();
        // One table per department and year: few rows, filtered and ordered here rather than by optional parameters.
        List<DepartmentTargetTable> found = code != null
                ? (year != null ? tables.findByDepartmentCodeAndYear(code, year) : tables.findByDepartmentCode(code))
                : (year != null ? tables.findByYear(year) : tables.findAll());
        return found.stream().filter(t -> mayRead(t, caller))
                .sorted(java.util.Comparator.comparing(DepartmentTargetTable::getYear).reversed()
                        .thenComparing(t -> String.valueOf(t.getDepartment().getCode()))
                        .thenComparing(DepartmentTargetTable::getId))
                .map(DepartmentTargetView::summary).toList();
    }

    @Transactional(readOnly = true)
    public DepartmentTargetView get(Long id, Caller caller) {
        DepartmentTargetTable t = tables.findById(id).filter(x -> mayRead(x, caller))
                .orElseThrow(() -> new DepartmentTargetNotFoundException(id));
        return DepartmentTargetView.of(t, checks.locate(t), times);
    }

    /** The table itself (its collections loaded), for an export; the same scope and 404 as {@link #get}. */
    @Transactional(readOnly = true)
    public DepartmentTargetTable load(Long id, Caller caller) {
        DepartmentTargetTable t = tables.findById(id).filter(x -> mayRead(x, caller))
                .orElseThrow(() -> new DepartmentTargetNotFoundException(id));
        t.getGoals().size();
        t.getActivities().forEach(a -> a.getIndicators().size());
        return t;
    }

    /**
     * The table for a change by the caller: 404 as for {@link #get} when they may not read it; 403 when they may
     * read but not change it (a unit reading its department's approved table). The department is the stored one's.
     */
    DepartmentTargetTable writable(Long id, Caller caller) {
        DepartmentTargetTable t = tables.findById(id).filter(x -> mayRead(x, caller))
                .orElseThrow(() -> new DepartmentTargetNotFoundException(id));
        if (!mayWrite(t, caller)) {
            throw new ForbiddenException("部门整体绩效目标只能由主管部门 " + t.getDepartment().getCode()
                    + " 或财政部门修改：预算单位只能查看本部门已批复的");
        }
        return t;
    }

    /** Whether the caller may change this table while it is drafted: finance, administrators, its department. */
    public boolean mayWrite(DepartmentTargetTable t, Caller caller) {
        String code = t.getDepartment().getCode();
        return caller.isFinance() || caller.isAdmin() || (code != null && caller.departmentCodes().contains(code));
    }

    /** The department's table of a year as the caller may see it; a table they may not see answers 404 alike. */
    @Transactional(readOnly = true)
    public DepartmentTargetView find(String departmentCode, int year, Caller caller) {
        return tables.findByDepartmentCodeAndYear(departmentCode, year).stream().filter(t -> mayRead(t, caller))
                .findFirst().map(t -> DepartmentTargetView.of(t, checks.locate(t), times))
                .orElseThrow(() -> new NotFoundException(
                        "主管部门 " + departmentCode + " 的 " + year + " 年度部门整体绩效目标不存在"));
    }

    /** Whether the caller may change this table now: it is drafted and theirs to change. */
    @Transactional(readOnly = true)
    public boolean mayEdit(Long id, Caller caller) {
        return tables.findById(id).filter(t -> t.getStatus() == ProjectStatus.DRAFT)
                .filter(t -> mayRead(t, caller) && mayWrite(t, caller)).isPresent();
    }

    /** Whether the caller may read this table (see the class comment). */
    public boolean mayRead(DepartmentTargetTable t, Caller caller) {
        if (caller.isFinance() || caller.isAdmin()) {
            return true;
        }
        String code = t.getDepartment().getCode();
        if (code == null) {
            return false;
        }
        if (caller.departmentCodes().contains(code)) {
            return true;
        }
        return t.getStatus() == ProjectStatus.APPROVED && unitDepartments(caller).contains(code);
    }

    /** The departments of the caller's units: by the stored unit, else by the first three digits of its code. */
    private List<String> unitDepartments(Caller caller) {
        List<String> out = new ArrayList<>();
        for (String unit : caller.unitCodes()) {
            String dept = units.findByCode(unit).map(u -> u.getDepartment() == null ? null : u.getDepartment().getCode())
                    .orElse(unit.matches("\\d{6}") ? unit.substring(0, 3) : null);
            if (dept != null) {
                out.add(dept);
            }
        }
        return out;
    }

    /**
     * The department a department table is imported for: the one named, else the caller's only department. Finance
     * and administrators import for any department (created when unknown, as a unit's import creates it); a
     * department's reviewers only for their own; a unit's preparers not at all.
     *
     * @param create store a department that is not known yet (false for a dry run: an unsaved one is returned)
     */
    public Department importingDepartment(String departmentCode, Scope scope, boolean create) {
        return department(departmentCode, scope, create, "导入");
    }

    /** {@link #importingDepartment} for a draft started on the page ({@code verb} names what is refused). */
    Department department(String departmentCode, Scope scope, boolean create, String verb) {
        String code = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip();
        if (code == null) {
            if (!scope.all() && scope.departments().size() == 1) {
                code = scope.departments().get(0);
            } else if (scope.all()) {
                throw new IllegalArgumentException("导入".equals(verb) ? "文件中有部门整体绩效目标：请用参数 department 指明它属于哪个主管部门（部门编码）"
                        : "请用 department 指明部门整体绩效目标属于哪个主管部门（部门编码）");
            }
        }
        if (!scope.all() && (code == null || !scope.departments().contains(code))) {
            throw new ForbiddenException(code == null
                    ? "部门整体绩效目标只能由主管部门或财政部门" + verb
                    : "不能" + verb + "主管部门 " + code + " 的部门整体绩效目标：只能" + verb + "本部门的");
        }
        String known = code;
        return departments.findByCode(known).orElseGet(() -> {
            Department d = new Department(known, "主管部门 " + known);
            return create ? departments.save(d) : d;
        });
    }

    /** The department's table of that year, if there is one (a stored department only). */
    public java.util.Optional<DepartmentTargetTable> existing(Department department, int year) {
        return department.getId() == null ? java.util.Optional.empty()
                : tables.findByDepartmentIdAndYear(department.getId(), year);
    }

    /** Stores a table read from a file, inside the caller's transaction; its findings. */
    public List<Finding> store(DepartmentTargetTable table) {
        tables.save(table);
        return checks.check(table);
    }

    public List<Finding> check(DepartmentTargetTable table) {
        return checks.check(table);
    }

    public List<DepartmentTargetTable> ofImport(Long importId) {
        return tables.findByImportIdOrderByIdAsc(importId);
    }
}
