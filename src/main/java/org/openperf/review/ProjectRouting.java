package org.openperf.review;

import java.math.BigDecimal;
import org.openperf.targets.Department;
import org.openperf.targets.Project;
import org.openperf.targets.Unit;

/**
 * Whose groups work a project's tasks, what its tasks are called and what their cards show: its unit's and
 * department's codes, its name, code, unit's name and budget, as stored (null where unset).
 */
record ProjectRouting(String unitCode, String departmentCode, String projectName, String projectCode,
                      String unitName, BigDecimal budget) {

    static ProjectRouting of(Project p) {
        Unit u = p.getUnit();
        Department d = u == null ? null : u.getDepartment();
        return new ProjectRouting(u == null ? null : u.getCode(), d == null ? null : d.getCode(), p.getName(),
                p.getCode(), u == null ? null : u.getName(), p.getBudget());
    }
}
