package org.openperf.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.openperf.evaluation.SelfEvaluationSubmissions.IndicatorInput;
import org.openperf.evaluation.SelfEvaluationSubmissions.Submission;
import org.openperf.kernel.InvalidInputException;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectStatus;
import org.springframework.stereotype.Component;

/**
 * The unit's report scored by the published rules, and the report and its score sheet as stored (JSON) on the
 * {@link SelfEvaluation}: shared by submitting (scored before it is stored), 评分 and 复核调整 (which re-score the
 * stored report) and the 自评表 (which reads the stored sheet).
 */
@Component
class ReportScoring {

    private final SelfEvaluationScorer scorer;
    private final ScoringSettings settings;
    private final ObjectMapper json;

    ReportScoring(SelfEvaluationScorer scorer, ScoringSettings settings, ObjectMapper json) {
        this.scorer = scorer;
        this.settings = settings;
        this.json = json;
    }

    ScoreSheet score(Project p, Actuals actuals) {
        return scorer.score(p, actuals, settings);
    }

    /**
     * 评分: the stored report scored against the table as approved, by the rules deployed now; {@code e} keeps
     * which versions scored it and the grade is recorded in the engine's decision history.
     */
    ScoreSheet scoreStored(Project p, SelfEvaluation e) {
        return scorer.score(e, p, actuals(p, read(e.getActualsJson())), settings);
    }

    /** 财政复核: the stored report again, by the versions {@code e} was scored with. */
    ScoreSheet rescoreStored(Project p, SelfEvaluation e) {
        return scorer.rescore(e, p, actuals(p, read(e.getActualsJson())), settings);
    }

    /** The grade of a changed total, by the version {@code e} was graded with. */
    Grade grade(SelfEvaluation e, BigDecimal total) {
        return scorer.grade(e, total);
    }

    SheetView sheet(SelfEvaluation e) {
        try {
            return json.readValue(e.getSheetJson(), SheetView.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Submission read(String text) {
        try {
            return json.readValue(text, Submission.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Actuals actuals(Project p, Submission s) {
        if (p.getStatus() != ProjectStatus.APPROVED && p.getVersion() < 1) {
            throw new InvalidInputException("项目“" + p.getName() + "”的目标表尚未批复，不能自评");
        }
        if (s == null || s.spent() == null) {
            throw new InvalidInputException("请填写全年执行数 spent（万元）：预算执行数据中没有该项目的支出记录");
        }
        Actuals a = new Actuals(s.budget() != null ? s.budget() : p.getBudget(), s.spent());
        if (s.indicators() != null) {
            for (IndicatorInput in : s.indicators()) {
                if (in.index() < 0 || in.index() >= p.getIndicators().size()) {
                    throw new InvalidInputException("指标序号 " + in.index() + " 不在目标表的 " + p.getIndicators().size()
                            + " 个指标之内");
                }
                QualitativeTier tier = in.tier() == null ? null : tier(in.tier());
                a.put(in.index(), new IndicatorActual(in.text(), in.number(), in.completedOn(), tier, in.score(),
                        in.explanation()));
            }
        }
        return a;
    }

    private static QualitativeTier tier(String label) {
        for (QualitativeTier t : QualitativeTier.values()) {
            if (t.name().equals(label) || t.label().equals(label)) {
                return t;
            }
        }
        throw new InvalidInputException("完成档次“" + label + "”应为 达成、部分达成 或 未达成");
    }

    /** An amount as the messages show it: no trailing zeros. */
    static String plain(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
