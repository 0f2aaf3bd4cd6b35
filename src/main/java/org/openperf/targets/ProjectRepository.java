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
     * Projects by year, unit and status within a caller's scope ({@link ScopeQuery}: everything when {@code all},
     * else the projects of the given units and of the units of the given departments).
     */
    @Query("""
            select p from Project p left join p.unit u left join u.department d
            where (:year is null or p.year = :year)
              and (:unitCode is null or u.code = :unitCode)
              and (:status is null or p.status = :status)
              and """ + ScopeQuery.PROJECT_IN_SCOPE + """
            """)
    Page<Project> search(@Param("year") Integer year, @Param("unitCode") String unitCode,
                         @Param("status") ProjectStatus status, @Param("all") boolean all,
                         @Param("units") String[] units,
                         @Param("departments") String[] departments, Pageable pageable);

    /** {@link #search} with a search in the project's name or code ({@code text} a lower-case LIKE pattern). */
    @Query("""
            select p from Project p left join p.unit u left join u.department d
            where (:year is null or p.year = :year)
              and (:unitCode is null or u.code = :unitCode)
              and (:status is null or p.status = :status)
              and (:text is null or lower(p.name) like :text or lower(p.code) like :text)
              and """ + ScopeQuery.PROJECT_IN_SCOPE + """
            """)
    Page<Project> browse(@Param("year") Integer year, @Param("unitCode") String unitCode,
                         @Param("status") ProjectStatus status, @Param("text") String text, @Param("all") boolean all,
                         @Param("units") String[] units,
                         @Param("departments") String[] departments, Pageable pageable);

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
