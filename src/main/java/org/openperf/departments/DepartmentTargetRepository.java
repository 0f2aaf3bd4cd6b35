package org.openperf.departments;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentTargetRepository extends JpaRepository<DepartmentTargetTable, Long> {

    Optional<DepartmentTargetTable> findByDepartmentIdAndYear(Long departmentId, int year);

    List<DepartmentTargetTable> findByImportIdOrderByIdAsc(Long importId);

    List<DepartmentTargetTable> findByYear(int year);

    List<DepartmentTargetTable> findByDepartmentCode(String code);

    List<DepartmentTargetTable> findByDepartmentCodeAndYear(String code, int year);
}
