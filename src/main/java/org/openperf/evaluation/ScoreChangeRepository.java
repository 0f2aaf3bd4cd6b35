package org.openperf.evaluation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScoreChangeRepository extends JpaRepository<ScoreChange, Long> {

    List<ScoreChange> findBySelfEvaluationIdOrderByIdAsc(Long selfEvaluationId);
}
