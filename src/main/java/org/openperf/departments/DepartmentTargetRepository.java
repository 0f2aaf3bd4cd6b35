package org.openperf.departments;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DepartmentTargetRepository extends JpaRepository<DepartmentTargetTable, Long> {

    Optional<DepartmentTargetTable> findByDepartmentIdAndYear(Long departmentId, int year);

    List<DepartmentTargetTable> findByImportIdOrderByIdAsc(Long importId);

    /** Filters are optional (null = any); ordered by year, then department code. */
    @Query("select t from DepartmentTargetTable t join t.department d where (:year is null or t.year = :year)"
            + " and (:department is null or d.code = :department) order by t.year desc, d.code, t.id")
    List<DepartmentTargetTable> search(@Param("year") Integer year, @Param("department") String department);
}
