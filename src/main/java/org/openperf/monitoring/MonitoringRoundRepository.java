package org.openperf.monitoring;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MonitoringRoundRepository extends JpaRepository<MonitoringRound, Long> {

    boolean existsByYearAndCutoffMonth(int year, int cutoffMonth);

    List<MonitoringRound> findByYearOrderByCutoffMonthAsc(int year);

    List<MonitoringRound> findAllByOrderByYearAscCutoffMonthAsc();

    /** The round, its row held until the transaction ends: one batch of its delivery at a time, on any node. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from MonitoringRound r where r.id = :id")
    Optional<MonitoringRound> findLocked(@Param("id") Long id);
}
