package org.openperf.kernel;

import java.util.List;

/**
 * Which projects a caller may see and act on: finance and administrators all of them; a department's reviewers
 * the projects of its units; a unit's preparers their unit's.
 */
public record Scope(boolean all, List<String> units, List<String> departments) {

    public static final Scope ALL = new Scope(true, List.of(), List.of());

    /** Whether a project of this unit (in this department) is within reach; codes may be null. */
    public boolean covers(String unitCode, String departmentCode) {
        if (all) {
            return true;
        }
        return (unitCode != null && units.contains(unitCode))
                || (departmentCode != null && departments.contains(departmentCode));
    }

    /**
     * This scope within one department, as far as codes tell: finance's whole province becomes that department, a
     * reviewer's departments only that one if it is theirs. Unit codes stay, as their departments are not known
     * here: a caller still filters what it reads by department. Blank: this scope.
     */
    public Scope withinDepartment(String departmentCode) {
        if (departmentCode == null || departmentCode.isBlank()) {
            return this;
        }
        String code = departmentCode.trim();
        return new Scope(false, units, all || departments.contains(code) ? List.of(code) : List.of());
    }

    /** The unit codes as an array: JPQL queries take the scope as arrays (targets.ScopeQuery). */
    public String[] unitArray() {
        return units.toArray(String[]::new);
    }

    /** The department codes as an array: JPQL queries take the scope as arrays (targets.ScopeQuery). */
    public String[] departmentArray() {
        return departments.toArray(String[]::new);
    }

    /** For IN clauses, which must not be empty. */
    public List<String> unitsOrNone() {
        return units.isEmpty() ? List.of("-") : units;
    }

    public List<String> departmentsOrNone() {
        return departments.isEmpty() ? List.of("-") : departments;
    }
}
