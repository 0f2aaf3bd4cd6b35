package org.openperf.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MilestoneResultRepository extends JpaRepository<MilestoneResult, Long> {

    Optional<MilestoneResult> findByProjectIdAndMonth(Long projectId, int month);

    List<MilestoneResult> findByProjectIdOrderByMonthAsc(Long projectId);

    /** The milestone results of a year's projects, by project and month. */
    @org.springframework.data.jpa.repository.Query("select m from MilestoneResult m, Project p where p.id = m.projectId "
            + "and p.year = :year order by m.projectId, m.month")
    List<MilestoneResult> ofYear(@org.springframework.data.repository.query.Param("year") int year);
}
