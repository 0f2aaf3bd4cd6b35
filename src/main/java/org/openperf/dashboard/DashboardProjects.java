package org.openperf.dashboard;

import java.util.Collection;
import java.util.List;
import org.openperf.targets.Project;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Which fiscal years have approved projects within a caller's scope (the same scope rule as the project list). */
interface DashboardProjects extends Repository<Project, Long> {

    @Query("""
            select distinct p.year from Project p
            where p.version >= 1 and (:all = true or p.unit in (select su from Unit su left join su.department sd
                                                                where su.code in :units or sd.code in :departments))
            order by p.year
            """)
    List<Integer> approvedYears(@Param("all") boolean all, @Param("units") Collection<String> units,
                                @Param("departments") Collection<String> departments);
}
