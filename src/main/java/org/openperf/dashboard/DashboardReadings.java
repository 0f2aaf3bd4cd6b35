package org.openperf.dashboard;

import java.util.Collection;
import java.util.List;
import org.openperf.monitoring.ExecutionReading;
import org.openperf.monitoring.MilestoneResult;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Read-only batch queries over the monitoring tables, so a dashboard of many projects costs a few queries. */
interface DashboardReadings extends Repository<ExecutionReading, Long> {

    @Query("select r from ExecutionReading r where r.projectId in :ids order by r.projectId, r.asOf, r.id")
    List<ExecutionReading> readings(@Param("ids") Collection<Long> projectIds);

    @Query("select m from MilestoneResult m where m.projectId in :ids order by m.projectId, m.month")
    List<MilestoneResult> milestoneResults(@Param("ids") Collection<Long> projectIds);
}
