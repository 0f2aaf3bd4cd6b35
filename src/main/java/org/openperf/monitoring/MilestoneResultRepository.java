package org.openperf.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MilestoneResultRepository extends JpaRepository<MilestoneResult, Long> {

    /**
     * Written out, not derived from the name: Hibernate translates a derived (criteria) query anew on every call,
     * a JPQL string once; every milestone job asks this.
     */
    @Query("select m from MilestoneResult m where m.projectId = :projectId "
            + "and m.month = :month")
    Optional<MilestoneResult> findByProjectIdAndMonth(@Param("projectId") Long projectId, @Param("month") int month);

    List<MilestoneResult> findByProjectIdOrderByMonthAsc(Long projectId);

    /** The milestone results of a year's projects, by project and month. */
    @Query("select m from MilestoneResult m, Project p where p.id = m.projectId "
            + "and p.year = :year order by m.projectId, m.month")
    List<MilestoneResult> ofYear(@Param("year") int year);
}
