package org.openperf.monitoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MonitoringRoundRepository extends JpaRepository<MonitoringRound, Long> {

    boolean existsByYearAndCutoffMonth(int year, int cutoffMonth);

    List<MonitoringRound> findByYearOrderByCutoffMonthAsc(int year);

    List<MonitoringRound> findAllByOrderByYearAscCutoffMonthAsc();
}
