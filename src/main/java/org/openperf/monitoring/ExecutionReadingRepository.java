package org.openperf.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ExecutionReadingRepository extends JpaRepository<ExecutionReading, Long> {

    /** Written out for the same reason as {@link MilestoneResultRepository#findByProjectIdAndMonth}. */
    @Query("select r from ExecutionReading r where r.projectId = :projectId "
            + "order by r.asOf, r.id")
    List<ExecutionReading> findByProjectIdOrderByAsOfAscIdAsc(@Param("projectId") Long projectId);

    /** The same amount as of the same day, already recorded (a second click, the same export loaded again). */
    java.util.Optional<ExecutionReading> findFirstByProjectIdAndAsOfAndSpent(Long projectId, java.time.LocalDate asOf,
                                                                           java.math.BigDecimal spent);
}
