package org.openperf.evaluation.department;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentSelfEvaluationRepository extends JpaRepository<DepartmentSelfEvaluation, Long> {

    Optional<DepartmentSelfEvaluation> findByTableId(Long tableId);
}
