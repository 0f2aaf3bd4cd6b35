package org.openperf.evaluation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SelfEvaluationRepository extends JpaRepository<SelfEvaluation, Long> {

    Optional<SelfEvaluation> findByProjectIdAndYear(Long projectId, int year);

    List<SelfEvaluation> findByYearOrderByProjectIdAsc(int year);
}
