package org.openperf.review;

import org.camunda.bpm.engine.RuntimeService;
import org.openperf.kernel.Caller;
import org.openperf.kernel.EngineAccess;
import org.openperf.kernel.ForbiddenException;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 目标调整: an approved table is changed only through the same review and approval as the original. The request
 * reopens the table for the unit (the approved versions stay as they were) and starts target-approval again
 * inside the project's lifecycle; its 批复 freezes the next version, which evaluation then measures against.
 */
@Service
public class TargetAdjustments {

    public static final String MESSAGE = "TargetAdjustmentRequested";

    private final ProjectService projects;
    private final ReviewService review;
    private final RuntimeService runtime;
    private final EngineAccess engine;
    private final AdjustmentEvidence evidence;

    public TargetAdjustments(ProjectService projects, ReviewService review, RuntimeService runtime,
                             EngineAccess engine, AdjustmentEvidence evidence) {
        this.projects = projects;
        this.review = review;
        this.runtime = runtime;
        this.engine = engine;
        this.evidence = evidence;
    }

    @Transactional
    public void request(Long projectId, String reason, Caller caller) {
        request(projectId, reason, null, caller);
    }

    /** @param reportId the monitoring report (监控表) the request arises from, or null */
    @Transactional
    public void request(Long projectId, String reason, Long reportId, Caller caller) {
        Project p = projects.table(projectId, caller.scope());
        if (p.getStatus() != ProjectStatus.APPROVED) {
            throw new ForbiddenException("项目“" + p.getName() + "”当前不是已批复状态，不能申请目标调整");
        }
        if (p.getUnit() == null || !caller.unitCodes().contains(p.getUnit().getCode())) {
            throw new ForbiddenException("目标调整由项目所属单位的编制人申请");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("申请目标调整须说明调整理由");
        }
        String ground = reportId == null ? "" : "（" + evidence.cite(projectId, reportId, caller.userId()) + "）";
        p.setStatus(ProjectStatus.ADJUSTING);
        review.record(projectId, null, "目标调整", "adjust", caller.userId(), reason.trim() + ground);
        engine.asSystem(() -> runtime.createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(String.valueOf(projectId))
                .correlate());
    }
}
