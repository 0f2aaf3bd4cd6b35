package org.openperf.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.Project;
import org.openperf.targets.ScopeQuery;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SelfEvaluationRepository extends JpaRepository<SelfEvaluation, Long> {

    Optional<SelfEvaluation> findByProjectIdAndYear(Long projectId, int year);

    List<SelfEvaluation> findByYearOrderByProjectIdAsc(int year);

    List<SelfEvaluation> findByYearAndProjectIdIn(int year, Collection<Long> projectIds);

    /**
     * How many scored self-evaluations of a year's projects in a caller's scope have each grade, per department, in
     * one query (the grade as it stands, after finance's changes).
     */
    @Query("""
            select d.code as departmentCode, d.name as departmentName, e.grade as grade, count(e) as count
            from SelfEvaluation e join Project p on p.id = e.projectId
                 left join p.unit u left join u.department d
            where e.year = :year and p.year = :year and e.sheetJson is not null
              and """ + ScopeQuery.PROJECT_IN_SCOPE + """
            group by d.code, d.name, e.grade
            """)
    List<GradeRow> gradesByDepartment(@Param("year") int year, @Param("all") boolean all,
                                      @Param("units") String[] units,
                                      @Param("departments") String[] departments);

    interface GradeRow {
        String getDepartmentCode();

        String getDepartmentName();

        String getGrade();

        long getCount();
    }

    /** The project's self-evaluation of its year; an error naming the project when the unit has not reported. */
    default SelfEvaluation of(Project p) {
        return findByProjectIdAndYear(p.getId(), p.getYear())
                .orElseThrow(() -> new InvalidInputException("项目“" + p.getName() + "”还没有自评结果"));
    }
}
