package org.openperf.imports;

import java.util.HashMap;
import java.util.Map;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.Unit;
import org.openperf.targets.UnitRepository;

/**
 * Matches the unit a table names to a stored unit: by code, else by name; a missing unit is created under its
 * department (the first three digits of its code, else the 主管部门 the table names, else the importing one).
 * One resolver serves one import, so tables of the same new unit share it.
 */
class UnitResolver {

    private final UnitRepository units;
    private final DepartmentRepository departments;
    private final boolean create;
    private final String fallbackDepartmentCode;
    private final Map<String, Unit> seen = new HashMap<>();
    private final Map<String, Department> seenDepartments = new HashMap<>();

    UnitResolver(UnitRepository units, DepartmentRepository departments, boolean create, String fallbackDepartmentCode) {
        this.units = units;
        this.departments = departments;
        this.create = create;
        this.fallbackDepartmentCode = fallbackDepartmentCode;
    }

    /** The stored unit, or (dry run) an unsaved one that shows what would be created; null when the table names none. */
    Unit resolve(ImportedTable t) {
        String code = blankToNull(t.unitCode());
        String name = blankToNull(t.unitName());
        if (code == null && name == null) {
            return null;
        }
        String key = code != null ? "c:" + code : "n:" + name;
        Unit known = seen.get(key);
        if (known != null) {
            return known;
        }
        Unit unit = (code != null ? units.findByCode(code) : units.findFirstByName(name))
                .orElseGet(() -> newUnit(code, name != null ? name : code, t.departmentName()));
        seen.put(key, unit);
        return unit;
    }

    private Unit newUnit(String code, String name, String departmentName) {
        Department dept = department(code, name, blankToNull(departmentName));
        Unit u = new Unit(code, name, dept);
        return create ? units.save(u) : u;
    }

    /**
     * A department's own office is listed as its unit XXX000 or XXX001, named "<department>本级" or
     * "<department>(系统)": the department's name is that name without the suffix. Otherwise it gets a placeholder
     * name an administrator corrects.
     */
    static String departmentNameFromUnit(String unitCode, String unitName) {
        if (unitName != null && (unitCode.endsWith("000") || unitCode.endsWith("001"))) {
            String name = unitName.replaceFirst("(本级|[（(]系统[)）])$", "");
            if (!name.equals(unitName) && !name.isBlank()) {
                return name;
            }
        }
        return "主管部门 " + unitCode.substring(0, 3);
    }

    private Department department(String unitCode, String unitName, String departmentName) {
        String deptCode = unitCode != null && unitCode.matches("\\d{6}") ? unitCode.substring(0, 3) : null;
        if (deptCode != null) {
            return departments.findByCode(deptCode).orElseGet(() -> save(new Department(deptCode,
                    departmentName != null ? departmentName : departmentNameFromUnit(unitCode, unitName))));
        }
        if (departmentName != null) {
            return departments.findFirstByName(departmentName).orElseGet(() -> save(new Department(null, departmentName)));
        }
        if (fallbackDepartmentCode != null) {
            return departments.findByCode(fallbackDepartmentCode).orElseThrow(() ->
                    new IllegalArgumentException("主管部门编码 " + fallbackDepartmentCode + " 不存在"));
        }
        return departments.findFirstByName(UNKNOWN_DEPARTMENT).orElseGet(() -> save(new Department(null, UNKNOWN_DEPARTMENT)));
    }

    /** Where units land whose table names neither a code nor a department: an administrator moves them later. */
    static final String UNKNOWN_DEPARTMENT = "未指定主管部门";

    private Department save(Department d) {
        // In a dry run nothing is saved, so later tables must find the department created for earlier ones here.
        return seenDepartments.computeIfAbsent(d.getCode() + "|" + d.getName(), k -> create ? departments.save(d) : d);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
