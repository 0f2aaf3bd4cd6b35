package org.openperf.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewOpinionRepository extends JpaRepository<ReviewOpinion, Long> {

    List<ReviewOpinion> findByProjectIdOrderByIdAsc(Long projectId);

    boolean existsByTaskId(String taskId);
}
