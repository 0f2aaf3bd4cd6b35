package org.openperf.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExecutionReadingRepository extends JpaRepository<ExecutionReading, Long> {

    List<ExecutionReading> findByProjectIdOrderByAsOfAscIdAsc(Long projectId);

    /** The same amount as of the same day, already recorded (a second click, the same export loaded again). */
    java.util.Optional<ExecutionReading> findFirstByProjectIdAndAsOfAndSpent(Long projectId, java.time.LocalDate asOf,
                                                                           java.math.BigDecimal spent);
}
