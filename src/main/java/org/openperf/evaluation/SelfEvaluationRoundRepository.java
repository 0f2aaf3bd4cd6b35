package org.openperf.evaluation;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SelfEvaluationRoundRepository extends JpaRepository<SelfEvaluationRound, Integer> {

    /** The round, its row held until the transaction ends: one batch of its delivery at a time, on any node. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from SelfEvaluationRound r where r.year = :year")
    Optional<SelfEvaluationRound> findLocked(@Param("year") Integer year);
}
