package org.openperf.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "绩效自评")
public class SelfEvaluationController {

    private final SelfEvaluationRounds rounds;
    private final RecheckSampling sampling;
    private final SelfEvaluationSubmissions submissions;
    private final SelfEvaluationRechecks rechecks;
    private final SelfEvaluationReports reports;
    private final SelfEvaluationResults results;

    public SelfEvaluationController(SelfEvaluationRounds rounds, RecheckSampling sampling,
                                    SelfEvaluationSubmissions submissions, SelfEvaluationRechecks rechecks,
                                    SelfEvaluationReports reports, SelfEvaluationResults results) {
        this.rounds = rounds;
        this.sampling = sampling;
        this.submissions = submissions;
        this.rechecks = rechecks;
        this.reports = reports;
        this.results = results;
    }

    /** @param seed optional: the sample's seed, when finance announces it in advance; else drawn at random */
    public record RoundRequest(Integer year, Long seed) {
    }

    public record ScoreChangeRequest(Integer index, BigDecimal score, String comment) {
    }

    /**
     * The self-evaluation as it stands: {@code total}/{@code grade} after finance's changes, {@code scoredTotal}/
     * {@code scoredGrade} as the rules gave them; {@code sheet} the rules' score sheet; the changes and the history.
     */

    @PostMapping("/api/self-evaluation-rounds")
    @Operation(summary = "开启年度自评（财政）：该年度每个已批复项目逐批生成自评任务；答复给出将送达的项目数和部门整体目标数")
    public SelfEvaluationRounds.RoundOpened open(@RequestBody RoundRequest r) {
        if (r == null || r.year() == null) {
            throw new IllegalArgumentException("请指定预算年度 year");
        }
        return rounds.openRound(r.year(), r.seed(), Caller.current());
    }

    @GetMapping("/api/self-evaluation-rounds/{year}")
    @Operation(summary = "年度自评轮次（财政）：应自评的已批复项目数、已送达数、部门整体目标数、是否送达完毕")
    public SelfEvaluationRounds.RoundView round(@PathVariable int year) {
        return rounds.round(year, Caller.current());
    }

    @GetMapping("/api/self-evaluation-rounds/{year}/sample")
    @Operation(summary = "财政复核抽样：随机抽样（按轮次种子，可复现）、等级为差、预算规模大的项目及原因")
    public RecheckSampling.SampleView sample(@PathVariable int year) {
        return sampling.sample(year, Caller.current().scope());
    }

    @GetMapping("/api/projects/{id}/self-evaluation/prefill")
    @Operation(summary = "自评预填：全年预算数、预算执行数据中的累计支出、各指标的年度指标值")
    public SelfEvaluationSubmissions.Prefill prefill(@PathVariable Long id) {
        return submissions.prefill(id, Caller.current().scope());
    }

    @PostMapping("/api/projects/{id}/self-evaluation")
    @Operation(summary = "单位填报自评：全年执行数（与执行数据不同须说明 spentReason）、总体目标完成情况、各指标实际完成值")
    public void submit(@PathVariable Long id, @RequestBody SelfEvaluationSubmissions.Submission s) {
        submissions.submit(id, s, Caller.current());
    }

    @PostMapping("/api/projects/{id}/self-evaluation/score-changes")
    @Operation(summary = "财政复核调整指标得分（保留原得分），总分和等级重新计算")
    public SelfEvaluationResult changeScore(@PathVariable Long id, @RequestBody ScoreChangeRequest r)
            throws JsonProcessingException {
        if (r == null) {
            throw new IllegalArgumentException("请填写 index、score 和 comment");
        }
        Caller caller = Caller.current();
        rechecks.changeScore(id, r.index(), r.score(), r.comment(), caller);
        return result(id);
    }

    @GetMapping("/api/projects/{id}/self-evaluation")
    @Operation(summary = "自评结果：各指标得分与所用规则、复核调整、总分、等级、办理历史")
    public SelfEvaluationResult result(@PathVariable Long id) {
        return results.of(id, Caller.current().scope());
    }

    @GetMapping("/api/self-evaluations/grades")
    @Operation(summary = "各主管部门自评等级分布（优/良/中/差 的项目数）")
    public List<SelfEvaluationReports.GradeCount> grades(@RequestParam int year) {
        return reports.grades(year, Caller.current().scope());
    }

}
