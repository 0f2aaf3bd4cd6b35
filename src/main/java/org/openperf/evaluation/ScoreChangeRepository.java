package org.openperf.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScoreChangeRepository extends JpaRepository<ScoreChange, Long> {

    List<ScoreChange> findBySelfEvaluationIdOrderByIdAsc(Long selfEvaluationId);

    /** The changes in force (the latest per indicator of the current report), oldest first. */
    default List<ScoreChange> inForce(SelfEvaluation e) {
        Map<Integer, ScoreChange> latest = new LinkedHashMap<>();
        for (ScoreChange c : findBySelfEvaluationIdOrderByIdAsc(e.getId())) {
            if (!c.isSuperseded()) {
                latest.put(c.getIndicatorIndex(), c);
            }
        }
        return List.copyOf(latest.values());
    }
}
