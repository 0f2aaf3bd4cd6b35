package org.openperf.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringReportRepository extends JpaRepository<MonitoringReport, Long> {

    List<MonitoringReport> findByProjectIdOrderByIdAsc(Long projectId);

    List<MonitoringReport> findByRoundIdOrderByIdAsc(Long roundId);

    List<MonitoringReport> findByYearOrderByIdAsc(int year);
}
