package org.openperf.dashboard;

import java.util.List;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.MilestoneResult;
import org.openperf.monitoring.MonitoringReport;
import org.openperf.targets.Project;
import org.openperf.targets.ScopeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Read-only queries over the monitoring tables for the dashboard and its exports: the records of the approved
 * projects of a year in a caller's scope, optionally of one department, each kind in one statement. The projects
 * are a subquery, not a list of ids: the statement is the same for ten projects as for fifty thousand, so Hibernate
 * translates it once, and no list of ids meets a database's limit on parameters.
 */
interface DashboardReadings extends Repository<ExecutionReading, Long> {

    /** The approved projects of a year in scope (and of one department when {@code department} is not null). */
    String APPROVED = """
            select p.id from Project p left join p.unit u left join u.department d
            where p.year = :year and p.version >= 1 and (:department is null or d.code = :department)
              and """ + ScopeQuery.PROJECT_IN_SCOPE + """
            """;

    /** How many approved projects a year has in scope (and in one department when {@code department} is set). */
    @Query("select count(p) from Project p where p.id in (" + APPROVED + ")")
    long approvedCount(@Param("year") int year, @Param("department") String department, @Param("all") boolean all,
                       @Param("units") String[] units, @Param("departments") String[] departments);

    /** Which fiscal years have approved projects within a caller's scope: from the units' totals, not every table. */
    @Query("""
            select distinct t.year from StoredTotals t
            where t.projects > 0 and """ + StoredTotals.IN_SCOPE + """
            order by t.year
            """)
    List<Integer> approvedYears(@Param("all") boolean all, @Param("units") String[] units,
                                @Param("departments") String[] departments);

    /** With unit, department and spending plan in the one statement: the curve reads every project's plan. */
    @Query("""
            select p from Project p left join fetch p.unit u left join fetch u.department d
                 left join fetch p.spendingPlan
            where p.year = :year and p.version >= 1 and (:department is null or d.code = :department)
              and """ + ScopeQuery.PROJECT_IN_SCOPE)
    List<Project> approved(@Param("year") int year, @Param("department") String department, @Param("all") boolean all,
                           @Param("units") String[] units,
                           @Param("departments") String[] departments);

    /**
     * Each department (code, name; both null for projects without one) with approved projects that year in scope,
     * from the units' totals.
     */
    @Query("""
            select distinct d.code, d.name from StoredTotals t left join Unit u on u.id = t.unitKey
                 left join u.department d
            where t.year = :year and t.projects > 0 and """ + StoredTotals.IN_SCOPE + """
            """)
    List<Object[]> departments(@Param("year") int year, @Param("all") boolean all,
                               @Param("units") String[] units,
                               @Param("departments") String[] departments);

    @Query("select r from ExecutionReading r where r.projectId in (" + APPROVED + ")"
            + " order by r.projectId, r.asOf, r.id")
    List<ExecutionReading> readings(@Param("year") int year, @Param("department") String department,
                                    @Param("all") boolean all, @Param("units") String[] units,
                                    @Param("departments") String[] departments);

    @Query("select m from MilestoneResult m where m.projectId in (" + APPROVED + ") order by m.projectId, m.month")
    List<MilestoneResult> milestoneResults(@Param("year") int year, @Param("department") String department,
                                           @Param("all") boolean all, @Param("units") String[] units,
                                           @Param("departments") String[] departments);

    @Query("select r from MonitoringReport r where r.projectId in (" + APPROVED + ") order by r.id")
    List<MonitoringReport> reports(@Param("year") int year, @Param("department") String department,
                                   @Param("all") boolean all, @Param("units") String[] units,
                                   @Param("departments") String[] departments);

    @Query("select r from ExecutionReading r where r.projectId = :id order by r.asOf, r.id")
    List<ExecutionReading> readings(@Param("id") long projectId);

    @Query("select m from MilestoneResult m where m.projectId = :id order by m.month")
    List<MilestoneResult> milestoneResults(@Param("id") long projectId);

    @Query("select r from MonitoringReport r where r.projectId = :id order by r.id")
    List<MonitoringReport> reports(@Param("id") long projectId);

    /** These projects, where approved, with what the lights and the curve read (as {@link #approved}). */
    String APPROVED_IN = """
            select p from Project p left join fetch p.unit u left join fetch u.department
                 left join fetch p.spendingPlan
            where p.id in :ids and p.version >= 1""";

    String READINGS_IN = "select r from ExecutionReading r where r.projectId in :ids order by r.projectId, r.asOf, r.id";

    String MILESTONE_RESULTS_IN = "select m from MilestoneResult m where m.projectId in :ids order by m.projectId, m.month";

    String REPORTS_IN = "select r from MonitoringReport r where r.projectId in :ids order by r.id";
}
