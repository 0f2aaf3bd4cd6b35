package org.openperf.departments;

import org.openperf.kernel.Caller;
import org.openperf.kernel.ConflictException;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.Department;
import org.openperf.targets.ProjectStatus;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a department table on its page: a new empty draft, the whole content replaced, a check of an edit
 * before it is saved. Who may: finance, administrators and the table's own department (by the stored table, never
 * by anything in the request); only while it is drafted; only from the version the page read.
 */
@Service
public class DepartmentTargetEditor {

    private final DepartmentTargets targets;
    private final DepartmentTargetRepository tables;
    private final DepartmentTargetChecks checks;

    private final DisplayTimes times;

    public DepartmentTargetEditor(DepartmentTargets targets, DepartmentTargetRepository tables,
                                  DepartmentTargetChecks checks, DisplayTimes times) {
        this.times = times;
        this.targets = targets;
        this.tables = tables;
        this.checks = checks;
    }

    /** An empty draft for the department and year, so a department can draft without a file. */
    @Transactional
    public DepartmentTargetView create(DepartmentTargetForm.NewTable form, Caller caller) {
        if (form == null || form.year() == null) {
            throw new InvalidInputException("缺少预算年度 year");
        }
        if (form.year() < 1900 || form.year() > 2999) {
            throw new InvalidInputException("预算年度 year " + form.year() + " 不是有效的年份");
        }
        if (form.department() != null && !form.department().strip().matches("[0-9A-Za-z_-]{1,20}")) {
            throw new InvalidInputException("主管部门编码 department“" + form.department() + "”格式不正确（最多 20 位字母或数字）");
        }
        Department department = targets.department(form.department(), caller.scope(), true, "创建");
        targets.existing(department, form.year()).ifPresent(t -> {
            throw exists(department, form.year());
        });
        DepartmentTargetTable t = new DepartmentTargetTable(form.year());
        t.setDepartment(department);
        t.setCreatedBy(caller.userId());
        try {
            tables.saveAndFlush(t);
        } catch (DataIntegrityViolationException concurrent) {
            // Another request created it a moment ago: the unique index keeps the one.
            throw exists(department, form.year());
        }
        return DepartmentTargetView.of(t, checks.locate(t), times);
    }

    /**
     * Replaces the stored content with the form's, in one transaction: 404 for a table the caller may not see,
     * 403 for one they may only read, 409 unless drafted or when saved by someone else since {@code version}, 400
     * for input that cannot be stored. The answer is the stored table with its findings.
     */
    @Transactional
    public DepartmentTargetView update(Long id, DepartmentTargetForm form, Caller caller) {
        DepartmentTargetTable t = targets.writable(id, caller);
        if (form == null || form.version() == null) {
            throw new InvalidInputException("缺少 version：请带上读取部门整体绩效目标时它的 version，以免覆盖他人的修改");
        }
        if (t.getStatus() != ProjectStatus.DRAFT) {
            throw new ConflictException(name(t) + "当前状态为" + t.getStatus().label() + "，只有编制中的可以修改");
        }
        if (form.version() != t.getVersion()) {
            throw stale(t);
        }
        DepartmentTargetInput.Content c = DepartmentTargetInput.read(form);
        t.replaceContent(c.overallGoal(), c.totalBudget(), c.goals(), c.activities(), caller.userId());
        try {
            tables.saveAndFlush(t);
        } catch (ObjectOptimisticLockingFailureException concurrent) {
            throw stale(t);
        }
        return DepartmentTargetView.of(t, checks.locate(t), times);
    }

    /** The findings the form would have if saved; nothing is stored (the answer has no id). */
    @Transactional(readOnly = true)
    public DepartmentTargetView check(Long id, DepartmentTargetForm form, Caller caller) {
        DepartmentTargetTable stored = targets.writable(id, caller);
        DepartmentTargetInput.Content c = DepartmentTargetInput.read(form);
        DepartmentTargetTable probe = new DepartmentTargetTable(stored.getYear());
        probe.setDepartment(stored.getDepartment());
        probe.replaceContent(c.overallGoal(), c.totalBudget(), c.goals(), c.activities(), caller.userId());
        return DepartmentTargetView.of(probe, checks.locate(probe), times);
    }

    private static String name(DepartmentTargetTable t) {
        return "主管部门 " + t.getDepartment().getCode() + " 的 " + t.getYear() + " 年度部门整体绩效目标";
    }

    private ConflictException stale(DepartmentTargetTable t) {
        String when = t.getUpdatedAt() == null ? "" : " 于 " + times.text(t.getUpdatedAt());
        String who = t.getUpdatedBy() == null ? "" : "（" + t.getUpdatedBy() + when + "）";
        return new ConflictException(name(t) + "在您打开之后已被修改" + who + "：请重新打开页面，在最新内容上再修改");
    }

    private static ConflictException exists(Department d, int year) {
        return new ConflictException("主管部门 " + d.getCode() + " 的 " + year + " 年度部门整体绩效目标已存在：每个部门每年只有一张");
    }
}
