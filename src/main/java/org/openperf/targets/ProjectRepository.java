package org.openperf.targets;

import java.util.Optional;
import org.openperf.kernel.Scope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProjectRepository extends JpaRepository<Project, Long> {

    String SEARCH = """
            select p from Project p left join p.unit u left join u.department d
            where (:year is null or p.year = :year)
              and (:unitCode is null or u.code = :unitCode)
              and (:status is null or p.status = :status)
            """;

    /** {@link #SEARCH} with a search in the project's name or code ({@code text} a lower-case LIKE pattern). */
    String BROWSE = SEARCH + " and (:text is null or lower(p.name) like :text or lower(p.code) like :text)";

    /**
     * Projects by year, unit and status within a caller's scope. Finance's query and everyone else's are separate
     * statements: a scope written as {@code :all = true or p.unit in (…)} keeps PostgreSQL from reading a unit's
     * projects by their unit's index (the OR hides the subquery from the planner), so every project was read.
     */
    default Page<Project> search(Integer year, String unitCode, ProjectStatus status, Scope scope, Pageable page) {
        return scope.all() ? searchAll(year, unitCode, status, page)
                : searchWithin(year, unitCode, status, scope.unitArray(), scope.departmentArray(), page);
    }

    /** {@link #search} with a search in the project's name or code ({@code text} a lower-case LIKE pattern). */
    default Page<Project> browse(Integer year, String unitCode, ProjectStatus status, String text, Scope scope,
                                 Pageable page) {
        return scope.all() ? browseAll(year, unitCode, status, text, page)
                : browseWithin(year, unitCode, status, text, scope.unitArray(), scope.departmentArray(), page);
    }

    @Query(SEARCH)
    Page<Project> searchAll(@Param("year") Integer year, @Param("unitCode") String unitCode,
                            @Param("status") ProjectStatus status, Pageable pageable);

    @Query(SEARCH + " and " + ScopeQuery.UNITS_IN_SCOPE)
    Page<Project> searchWithin(@Param("year") Integer year, @Param("unitCode") String unitCode,
                               @Param("status") ProjectStatus status, @Param("units") String[] units,
                               @Param("departments") String[] departments, Pageable pageable);

    @Query(BROWSE)
    Page<Project> browseAll(@Param("year") Integer year, @Param("unitCode") String unitCode,
                            @Param("status") ProjectStatus status, @Param("text") String text, Pageable pageable);

    @Query(BROWSE + " and " + ScopeQuery.UNITS_IN_SCOPE)
    Page<Project> browseWithin(@Param("year") Integer year, @Param("unitCode") String unitCode,
                               @Param("status") ProjectStatus status, @Param("text") String text,
                               @Param("units") String[] units, @Param("departments") String[] departments,
                               Pageable pageable);

    /** The whole table in one query, for the detail view and exports. */
    @EntityGraph(attributePaths = {"indicators", "unit", "unit.department"})
    @Query("select p from Project p where p.id = :id")
    Optional<Project> findTable(@Param("id") Long id);

    @EntityGraph(attributePaths = {"indicators", "unit"})
    java.util.List<Project> findByImportIdOrderByIdAsc(Long importId);

    Page<Project> findBySubmittedBy(String submittedBy, Pageable pageable);
}
