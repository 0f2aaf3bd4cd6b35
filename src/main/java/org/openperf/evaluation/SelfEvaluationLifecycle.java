package org.openperf.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.openperf.library.IndicatorResults;
import org.openperf.review.ReviewService;
import org.openperf.review.Steps;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-evaluation's service tasks in the project's lifecycle: 评分 after the unit reports, the department's
 * acceptance, and 结果公开. (抽样复核判定 is {@link RecheckSampling#decideRecheck}.)
 */
@Service
public class SelfEvaluationLifecycle {

    private final ProjectService projects;
    private final SelfEvaluationRepository evaluations;
    private final ReportScoring scoring;
    private final ReviewService review;
    private final IndicatorResults results;
    private final ObjectMapper json;

    SelfEvaluationLifecycle(ProjectService projects, SelfEvaluationRepository evaluations, ReportScoring scoring,
                            ReviewService review, IndicatorResults results, ObjectMapper json) {
        this.projects = projects;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.review = review;
        this.results = results;
        this.json = json;
    }

    /** ServiceTask 评分: scores the stored report against the table as approved. */
    @Transactional
    public SelfEvaluation score(Long projectId) {
        Project p = projects.table(projectId);
        SelfEvaluation e = evaluations.of(p);
        ScoreSheet sheet = scoring.scoreStored(p, e);
        e.scored(scoring.write(SheetView.of(sheet)), sheet.totalShown(), sheet.grade().label());
        return e;
    }

    @Transactional
    public void reviewed(Long projectId, String reviewer) {
        Project p = projects.table(projectId);
        evaluations.findByProjectIdAndYear(projectId, p.getYear()).ifPresent(e -> e.reviewed(reviewer));
    }

    /**
     * Who approved the 财政复核 last, from the project's history: 结果公开 runs as a job after that decision committed,
     * when the routing values it handed on are gone.
     */
    @Transactional(readOnly = true)
    public String recheckApprover(Long projectId) {
        return review.lastActor(projectId, Steps.name(SelfEvaluationRechecks.RECHECK_TASK), "approve");
    }

    /** ServiceTask 结果公开: the self-evaluation is final; {@code recheckedBy} is finance's reviewer, if sampled. */
    @Transactional
    public void publish(Long projectId, String recheckedBy) {
        Project p = projects.table(projectId);
        SelfEvaluation e = evaluations.of(p);
        if (recheckedBy != null) {
            e.rechecked(recheckedBy);
        }
        e.published();
        results.record(projectId, met(json, e.getSheetJson()));
        review.record(projectId, null, "结果公开", "published", null, "总分 " + e.getTotal().toPlainString() + "，等级 "
                + e.getGrade());
    }

    /** For the indicator library: an indicator counts as met when it scored its full 分值. */
    static Map<Integer, Boolean> met(ObjectMapper json, String sheetJson) {
        Map<Integer, Boolean> met = new HashMap<>();
        if (sheetJson == null) {
            return met;
        }
        try {
            for (SheetView.Row r : json.readValue(sheetJson, SheetView.class).indicators()) {
                if (r.weight() != null && r.weight().signum() > 0 && r.score() != null) {
                    met.put(r.index(), r.score().compareTo(r.weight()) >= 0);
                }
            }
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("自评评分表无法读取", ex);
        }
        return met;
    }
}
