package org.openperf.targets;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProjectRepository extends JpaRepository<Project, Long> {

    /**
     * Projects by year, unit and status within a caller's scope: everything when {@code all}, else the projects of
     * the given units and of the units of the given departments (lists never empty: pass a sentinel). The scope is
     * a set of units, so that PostgreSQL reads the projects by their unit's index instead of joining every project
     * to its unit and department and filtering (1.6 ms a unit's list at 3,000 projects, all of them read).
     */
    @Query("""
            select p from Project p left join p.unit u left join u.department d
            where (:year is null or p.year = :year)
              and (:unitCode is null or u.code = :unitCode)
              and (:status is null or p.status = :status)
              and (:all = true or p.unit in (select su from Unit su left join su.department sd
                                               where su.code in :units or sd.code in :departments))
            """)
    Page<Project> search(@Param("year") Integer year, @Param("unitCode") String unitCode,
                         @Param("status") ProjectStatus status, @Param("all") boolean all,
                         @Param("units") java.util.Collection<String> units,
                         @Param("departments") java.util.Collection<String> departments, Pageable pageable);

    /** {@link #search} with a search in the project's name or code ({@code text} a lower-case LIKE pattern). */
    @Query("""
            select p from Project p left join p.unit u left join u.department d
            where (:year is null or p.year = :year)
              and (:unitCode is null or u.code = :unitCode)
              and (:status is null or p.status = :status)
              and (:text is null or lower(p.name) like :text or lower(p.code) like :text)
              and (:all = true or p.unit in (select su from Unit su left join su.department sd
                                               where su.code in :units or sd.code in :departments))
            """)
    Page<Project> browse(@Param("year") Integer year, @Param("unitCode") String unitCode,
                         @Param("status") ProjectStatus status, @Param("text") String text, @Param("all") boolean all,
                         @Param("units") java.util.Collection<String> units,
                         @Param("departments") java.util.Collection<String> departments, Pageable pageable);

    /** The whole table in one query, for the detail view and exports. */
    @EntityGraph(attributePaths = {"indicators", "unit", "unit.department"})
    @Query("select p from Project p where p.id = :id")
    Optional<Project> findTable(@Param("id") Long id);

    @EntityGraph(attributePaths = {"indicators", "unit"})
    java.util.List<Project> findByImportIdOrderByIdAsc(Long importId);

    Page<Project> findBySubmittedBy(String submittedBy, Pageable pageable);

    /**
     * Whose groups work a project's tasks, and what its tasks are called: its unit's and department's codes, its
     * name, code and unit's name, as stored (null when unset).
     */
    @Query("""
            select u.code as unitCode, d.code as departmentCode, p.name as projectName, p.code as projectCode,
                   u.name as unitName
            from Project p left join p.unit u left join u.department d where p.id = :id
            """)
    Optional<Routing> routing(@Param("id") Long id);

    interface Routing {
        String getUnitCode();

        String getDepartmentCode();

        String getProjectName();

        String getProjectCode();

        String getUnitName();
    }
}
