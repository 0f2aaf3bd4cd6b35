package org.openperf.targets;

import java.util.List;

/**
 * Which projects a caller may see and act on: finance and administrators all of them; a department's reviewers
 * the projects of its units; a unit's preparers their unit's.
 */
public record Scope(boolean all, List<String> units, List<String> departments) {

    public static final Scope ALL = new Scope(true, List.of(), List.of());

    public boolean covers(Project p) {
        if (all) {
            return true;
        }
        Unit u = p.getUnit();
        if (u == null) {
            return false;
        }
        return (u.getCode() != null && units.contains(u.getCode()))
                || (u.getDepartment() != null && u.getDepartment().getCode() != null
                && departments.contains(u.getDepartment().getCode()));
    }

    /** For IN clauses, which must not be empty. */
    List<String> unitsOrNone() {
        return units.isEmpty() ? List.of("-") : units;
    }

    List<String> departmentsOrNone() {
        return departments.isEmpty() ? List.of("-") : departments;
    }
}
