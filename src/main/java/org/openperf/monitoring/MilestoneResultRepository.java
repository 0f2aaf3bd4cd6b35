package org.openperf.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MilestoneResultRepository extends JpaRepository<MilestoneResult, Long> {

    Optional<MilestoneResult> findByProjectIdAndMonth(Long projectId, int month);

    List<MilestoneResult> findByProjectIdOrderByMonthAsc(Long projectId);
}
