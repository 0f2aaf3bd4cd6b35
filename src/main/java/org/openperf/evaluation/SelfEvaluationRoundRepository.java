package org.openperf.evaluation;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SelfEvaluationRoundRepository extends JpaRepository<SelfEvaluationRound, Integer> {
}
