package org.openperf.evaluation;

import java.util.List;
import java.util.Optional;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.Project;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SelfEvaluationRepository extends JpaRepository<SelfEvaluation, Long> {

    Optional<SelfEvaluation> findByProjectIdAndYear(Long projectId, int year);

    List<SelfEvaluation> findByYearOrderByProjectIdAsc(int year);

    /** The project's self-evaluation of its year; an error naming the project when the unit has not reported. */
    default SelfEvaluation of(Project p) {
        return findByProjectIdAndYear(p.getId(), p.getYear())
                .orElseThrow(() -> new InvalidInputException("项目“" + p.getName() + "”还没有自评结果"));
    }
}
