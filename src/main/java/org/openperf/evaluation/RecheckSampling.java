package org.openperf.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openperf.kernel.Scope;
import org.openperf.review.ReviewService;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抽样复核: which projects of a round finance re-checks — drawn from the round's seed for its share, graded 差, or
 * with a large budget — decided per project after the department's review, and the sample as it stands.
 */
@Service
public class RecheckSampling {

    public record SampleRow(Long projectId, String projectName, String unitName, String departmentCode,
                            BigDecimal budget, BigDecimal total, String grade, List<String> reasons,
                            List<String> reasonLabels, String status) {
    }

    /**
     * Finance's sample of a round: how it was drawn and which projects are in it, and why. Others (a department, a
     * unit) see only their own projects in it, without the seed that would let them redraw everybody's sample.
     */
    public record SampleView(int year, Long seed, BigDecimal sharePercent, BigDecimal largeBudgetAbove,
                             int roundProjects, List<Long> drawnByShare, int decided, List<SampleRow> projects) {
    }

    private final ProjectService projects;
    private final SelfEvaluationRepository evaluations;
    private final SelfEvaluationRoundRepository rounds;
    private final RecheckSettings recheck;
    private final ReviewService review;

    public RecheckSampling(ProjectService projects, SelfEvaluationRepository evaluations,
                           SelfEvaluationRoundRepository rounds, RecheckSettings recheck, ReviewService review) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.rounds = rounds;
        this.recheck = recheck;
        this.review = review;
    }

    /**
     * ServiceTask 抽样复核判定: whether finance re-checks this project — drawn for the round's share, graded 差, or
     * with a large budget. Decided from the round's seed and stored data only, so a re-run decides the same.
     */
    @Transactional
    public boolean decideRecheck(Long projectId) {
        Project p = projects.table(projectId);
        SelfEvaluation e = evaluations.of(p);
        SelfEvaluationRound round = rounds.findById(p.getYear())
                .orElseThrow(() -> new IllegalStateException(p.getYear() + " 年度没有自评轮次"));
        List<RecheckSample.Reason> reasons = sample(round).reasons(projectId, Grade.fromLabel(e.getGrade()),
                e.getBudget(), recheck);
        e.sampled(reasons.stream().map(Enum::name).collect(Collectors.joining(",")));
        review.record(projectId, null, "抽样复核", reasons.isEmpty() ? "not-sampled" : "sampled", null,
                reasons.isEmpty() ? "未抽中，直接公开" : "抽中财政复核：" + labels(reasons));
        return !reasons.isEmpty();
    }

    /** The round's sample as it stands: the share drawn from the seed, and every decided project in it. */
    @Transactional(readOnly = true)
    public SampleView sample(int year, Scope scope) {
        SelfEvaluationRound round = rounds.findById(year)
                .orElseThrow(() -> new InvalidInputException(year + " 年度的自评尚未开启"));
        RecheckSample sample = sample(round);
        List<SampleRow> rows = new ArrayList<>();
        int decided = 0;
        // The round's projects this caller may see: every one for finance, else those of its units.
        Set<Long> visible = scope.all() ? null : projects.tables(year, null, scope).stream()
                .map(Project::getId).collect(Collectors.toSet());
        for (SelfEvaluation e : evaluations.findByYearOrderByProjectIdAsc(year)) {
            if (visible != null && !visible.contains(e.getProjectId())) {
                continue;
            }
            if (e.getSampleReasons() == null) {
                continue;
            }
            decided++;
            if (e.getSampleReasons().isEmpty()) {
                continue;
            }
            Project p = projects.table(e.getProjectId());
            if (!p.within(scope)) {
                continue;
            }
            List<RecheckSample.Reason> reasons = Arrays.stream(e.getSampleReasons().split(","))
                    .map(RecheckSample.Reason::valueOf).toList();
            rows.add(new SampleRow(p.getId(), p.getName(), p.getUnit() == null ? null : p.getUnit().getName(),
                    p.getUnit() == null ? null : p.getUnit().getDepartment().getCode(), e.getBudget(),
                    e.getTotal(), e.getGrade(), reasons.stream().map(Enum::name).toList(),
                    reasons.stream().map(RecheckSample.Reason::label).toList(), e.getStatus().name()));
        }
        if (visible == null) {
            return new SampleView(year, round.getSampleSeed(), recheck.sharePercent(), recheck.largeBudgetAbove(),
                    round.getProjects().size(), sample.drawn(), decided, rows);
        }
        return new SampleView(year, null, recheck.sharePercent(), recheck.largeBudgetAbove(),
                (int) round.getProjects().stream().filter(visible::contains).count(),
                sample.drawn().stream().filter(visible::contains).toList(), decided, rows);
    }

    private RecheckSample sample(SelfEvaluationRound round) {
        return new RecheckSample(round.getSampleSeed(), round.getProjects(), recheck.sharePercent());
    }

    private static String labels(List<RecheckSample.Reason> reasons) {
        return reasons.stream().map(RecheckSample.Reason::label).collect(Collectors.joining("、"));
    }
}
