package org.openperf.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.openperf.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "绩效自评")
public class SelfEvaluationController {

    private final SelfEvaluationService evaluations;
    private final ObjectMapper json;

    public SelfEvaluationController(SelfEvaluationService evaluations, ObjectMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    public record RoundRequest(Integer year) {
    }

    public record ResultView(Long projectId, int year, int targetVersion, String status, BigDecimal total,
                             String grade, String goalAchievement, JsonNode sheet) {
    }

    @PostMapping("/api/self-evaluation-rounds")
    @Operation(summary = "开启年度自评（财政）：该年度每个已批复项目生成自评任务")
    public SelfEvaluationService.RoundOpened open(@RequestBody RoundRequest r) {
        if (r == null || r.year() == null) {
            throw new IllegalArgumentException("请指定预算年度 year");
        }
        return evaluations.openRound(r.year(), Caller.current());
    }

    @PostMapping("/api/projects/{id}/self-evaluation")
    @Operation(summary = "单位填报自评：全年执行数、总体目标完成情况、各指标实际完成值")
    public void submit(@PathVariable Long id, @RequestBody SelfEvaluationService.Submission s) {
        evaluations.submit(id, s, Caller.current());
    }

    @GetMapping("/api/projects/{id}/self-evaluation")
    @Operation(summary = "自评结果：各指标得分与所用规则、总分、等级")
    public ResultView result(@PathVariable Long id) throws JsonProcessingException {
        SelfEvaluation e = evaluations.result(id, Caller.current().scope());
        return new ResultView(e.getProjectId(), e.getYear(), e.getTargetVersion(), e.getStatus().name(), e.getTotal(),
                e.getGrade(), e.getGoalAchievement(), e.getSheetJson() == null ? null : json.readTree(e.getSheetJson()));
    }
}
