package org.openperf.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ReviewOpinionRepository extends JpaRepository<ReviewOpinion, Long> {

    List<ReviewOpinion> findByProjectIdOrderByIdAsc(Long projectId);

    boolean existsByTaskId(String taskId);

    /**
     * The user of the project's latest opinion with this step and action. Without a row limit, so Hibernate keeps
     * its translation of the query instead of making it again on every call.
     */
    @Query("""
            select o.userId from ReviewOpinion o where o.id = (select max(l.id) from ReviewOpinion l
            where l.projectId = :projectId and l.step = :step and l.action = :action)
            """)
    Optional<String> lastUser(@Param("projectId") Long projectId, @Param("step") String step,
                              @Param("action") String action);
}
