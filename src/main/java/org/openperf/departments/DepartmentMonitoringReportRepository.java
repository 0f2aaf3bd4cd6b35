package org.openperf.departments;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentMonitoringReportRepository extends JpaRepository<DepartmentMonitoringReport, Long> {

    Optional<DepartmentMonitoringReport> findByTableIdAndRoundId(Long tableId, Long roundId);

    java.util.List<DepartmentMonitoringReport> findByTableIdOrderByRoundIdAsc(Long tableId);
}
