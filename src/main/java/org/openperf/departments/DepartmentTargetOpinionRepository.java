package org.openperf.departments;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentTargetOpinionRepository extends JpaRepository<DepartmentTargetOpinion, Long> {

    List<DepartmentTargetOpinion> findByTableIdOrderByCreatedAtAscIdAsc(Long tableId);
}
