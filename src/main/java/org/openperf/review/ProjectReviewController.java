package org.openperf.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.openperf.kernel.Caller;
import org.openperf.kernel.DisplayTimes;
import org.openperf.targets.ProjectService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/{id}")
@Tag(name = "审批")
public class ProjectReviewController {

    private final ReviewTasks work;
    private final ReviewService review;
    private final ProjectService projects;
    private final TargetAdjustments adjustments;
    private final DisplayTimes times;

    public ProjectReviewController(ReviewTasks work, ReviewService review, ProjectService projects,
                                   TargetAdjustments adjustments, DisplayTimes times) {
        this.times = times;
        this.adjustments = adjustments;
        this.work = work;
        this.review = review;
        this.projects = projects;
    }

    @PostMapping("/submit")
    @Operation(summary = "提交目标表（校验有错误时退回编制）")
    public void submit(@PathVariable Long id, @RequestBody(required = false) Opinion opinion) {
        projects.table(id, Caller.current().scope()); // another unit's project: 404, as a missing one
        work.submit(id, opinion == null ? null : opinion.comment(), Caller.current());
    }

    @PostMapping("/adjustments")
    @Operation(summary = "申请目标调整：重新打开已批复的目标表，修改后经部门审核、财政审核批复为新版本；"
            + "reportId 为所依据的监控表（可选）")
    public void adjust(@PathVariable Long id, @RequestBody AdjustmentRequest request) {
        projects.table(id, Caller.current().scope()); // another unit's project: 404, as a missing one
        adjustments.request(id, request == null ? null : request.comment(),
                request == null ? null : request.reportId(), Caller.current());
    }

    @PostMapping("/withdraw")
    @Operation(summary = "撤回（部门尚未办理时）")
    public void withdraw(@PathVariable Long id) {
        work.withdraw(id, Caller.current());
    }

    @GetMapping("/history")
    @Operation(summary = "审批历史：每一步的办理人、动作、意见、时间")
    public List<HistoryRow> history(@PathVariable Long id) {
        projects.table(id, Caller.current().scope());
        return review.history(id).stream().map(o -> new HistoryRow(o.getStep(), o.getAction(), o.getUserId(),
                o.getComment(), times.offset(o.getCreatedAt()))).toList();
    }

    @GetMapping("/versions")
    @Operation(summary = "批复版本")
    public List<VersionRow> versions(@PathVariable Long id) {
        projects.table(id, Caller.current().scope());
        return review.versions(id).stream().map(v -> new VersionRow(v.getVersion(), times.offset(v.getApprovedAt()),
                v.getApprovedBy())).toList();
    }

    public record Opinion(String comment) {
    }

    /** @param reportId the 监控表 the adjustment arises from (optional) */
    public record AdjustmentRequest(String comment, Long reportId) {
    }

    public record HistoryRow(String step, String action, String user, String comment, OffsetDateTime time) {
    }

    public record VersionRow(int version, OffsetDateTime approvedAt, String approvedBy) {
    }
}
