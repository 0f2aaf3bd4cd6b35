package org.openperf.targets;

/**
 * The caller's scope in a JPQL query over projects {@code p}: every project when {@code :all}, else the projects of
 * the units in {@code :units} and of the units of the departments in {@code :departments}.
 *
 * <p>A set of units, so that PostgreSQL reads the projects by their unit's index instead of joining every project to
 * its unit and department and filtering. The codes are bound as arrays ({@code String[]}), not as lists: Hibernate
 * does not keep the translation of a query with a list parameter and translated these queries afresh on every call
 * (docs/decisions/scope-as-arrays.md).
 */
public final class ScopeQuery {

    /** The projects of the caller's units and of their departments' units (not finance's "all"). */
    public static final String UNITS_IN_SCOPE = """
            p.unit in (select su from Unit su left join su.department sd
                       where array_contains(:units, su.code) or array_contains(:departments, sd.code))
            """;

    /**
     * {@link #UNITS_IN_SCOPE}, or every project when {@code :all}. PostgreSQL cannot read a unit's projects by their
     * index through the OR: where a list is paged often (the project list), finance's and the others' queries are
     * two statements instead.
     */
    public static final String PROJECT_IN_SCOPE = "(:all = true or " + UNITS_IN_SCOPE + ")\n";

    private ScopeQuery() {
    }
}
