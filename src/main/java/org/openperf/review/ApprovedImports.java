package org.openperf.review;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.openperf.kernel.DisplayTimes;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectImportedApproved;
import org.openperf.targets.ProjectService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 补录已批复目标: a table finance imports as approved on paper is approved version 1 at once, and its
 * target-lifecycle starts at the 已批复 gateway, as if target-approval had just ended, so its milestone timers are
 * set from its spending plan and monitoring rounds and self-evaluation reach it. target-approval itself is not run.
 * The file's lifecycles start together ({@link LifecycleStarts}).
 */
@Component
public class ApprovedImports {

    /** The gateway target-approval's end flows into (bpmn/target-lifecycle.bpmn). */
    static final String APPROVED_GATEWAY = "Gateway_Approved";
    static final String STEP = "补录批复";
    static final String ACTION = "imported-approved";

    private final ReviewService review;
    private final ProjectService projects;
    private final LifecycleStarts starts;
    private final DisplayTimes times;

    @PersistenceContext
    private EntityManager entityManager;

    public ApprovedImports(ReviewService review, ProjectService projects, LifecycleStarts starts,
                           DisplayTimes times) {
        this.times = times;
        this.review = review;
        this.projects = projects;
        this.starts = starts;
    }

    /** In the importing transaction: the file's tables are all approved or none is. */
    @EventListener
    public void onImportedApproved(ProjectImportedApproved event) {
        Long id = event.projectId();
        // The import has only queued the table's insert so far; the opinions and the approved version refer to it
        // (ReviewService.record, ReviewService.approve: plain inserts).
        entityManager.flush();
        review.record(id, null, STEP, ACTION, event.importer(), "按已批复导入：" + event.importer() + " 于 "
                + times.text(times.now())
                + " 从文件“" + event.fileName() + "”（导入批次 " + event.importId() + "）补录已批复的目标表"
                + (event.errors() + event.warnings() == 0 ? "" : "；校验发现 " + event.errors() + " 个错误、"
                + event.warnings() + " 个提示，已记录，按纸质批复不退回"));
        review.approve(id, event.importer());
        if (!review.startsLifecycles()) {
            return;
        }
        Project p = projects.table(id);
        starts.start(p, APPROVED_GATEWAY, true);
    }
}
