package org.openperf.review;

import org.openperf.targets.ProjectMonitoringChanged;
import org.springframework.context.ApplicationEventPublisher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectDraftCreated;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectStatus;
import org.openperf.targets.ProjectView;
import org.openperf.kernel.Finding;
import org.openperf.validation.ValidationService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the approval process does to a project: starts its lifecycle, validates a submission, records every
 * step's opinion, and on 批复 freezes the table as the next approved version. The delegates call only this.
 */
@Service
public class ReviewService {

    public static final String LIFECYCLE = ProjectProcesses.LIFECYCLE;

    private final ProjectService projects;
    private final ValidationService validation;
    private final ReviewOpinionRepository opinions;
    private final TargetVersionRepository versions;
    private final ObjectMapper json;
    private final Clock clock;
    private final LifecycleStarts starts;
    private final JdbcTemplate jdbc;
    /** Timestamps are stored as wall time in this zone, as Hibernate binds them (hibernate.jdbc.time_zone). */
    private final ZoneId databaseZone;

    /**
     * Off only for a bulk load that must not open workflows (and for the benchmark, which measures the import
     * without its lifecycle starts): drafts are then stored without a target-lifecycle instance.
     */
    @Value("${perf.review.start-lifecycle:true}")
    private boolean startLifecycle = true;

    private final ApplicationEventPublisher events;

    public ReviewService(ProjectService projects, ValidationService validation,
                         ReviewOpinionRepository opinions, TargetVersionRepository versions, ObjectMapper json,
                         Clock clock, LifecycleStarts starts, JdbcTemplate jdbc,
                         @Value("${perf.database-zone:Asia/Shanghai}") ZoneId databaseZone,
            ApplicationEventPublisher events) {
        this.events = events;
        this.starts = starts;
        this.jdbc = jdbc;
        this.databaseZone = databaseZone;
        this.clock = clock;
        this.projects = projects;
        this.validation = validation;
        this.opinions = opinions;
        this.versions = versions;
        this.json = json;
    }

    /** Every stored draft gets its lifecycle instance, business key = project id, in the storing transaction. */
    @EventListener
    public void onDraftCreated(ProjectDraftCreated event) {
        if (!startLifecycle) {
            return;
        }
        Project p = projects.table(event.projectId());
        // Whoever stored the draft (a preparer importing, demo data) starts its lifecycle on the system's authority.
        starts.start(p, null, event.oneOfMany());
    }

    boolean startsLifecycles() {
        return startLifecycle;
    }

    /** 校验: ERRORs send the table back to 编制 with the findings; otherwise it goes to the department. */
    @Transactional
    public List<Finding> validateSubmission(Long projectId, String submitter) {
        Project p = projects.table(projectId);
        List<Finding> findings = validation.validate(p);
        long errors = findings.stream().filter(Finding::isError).count();
        if (errors > 0) {
            // The 编制 task the gateway creates next reopens the table (ReopenForEditingListener).
            record(projectId, null, "校验", "validation-failed", null, "校验发现 " + errors + " 个错误，退回编制："
                    + findings.stream().filter(Finding::isError).limit(5).map(Finding::message)
                    .reduce((a, b) -> a + "；" + b).orElse(""));
        } else {
            p.setStatus(ProjectStatus.IN_REVIEW);
            p.setSubmittedBy(submitter);
        }
        return findings;
    }

    /**
     * 批复: the table becomes approved version N, frozen as it is now; returns N. The version is one plain insert,
     * as an opinion is ({@link #record}): nothing reads the entity back in this transaction, and persisting it (an
     * identity key, read back at once) was the costliest part of 批复's own work (docs/performance.md). As for
     * {@link #record}, the project's row must be in the database already.
     */
    @Transactional
    public int approve(Long projectId, String approver) {
        Project p = projects.table(projectId);
        int next = p.getVersion() + 1;
        p.setVersion(next);
        p.setStatus(ProjectStatus.APPROVED);
        jdbc.update("insert into target_version (project_id, version, approved_at, approved_by, snapshot)"
                + " values (?, ?, ?, ?, ?)", projectId, next, LocalDateTime.ofInstant(now(), databaseZone), approver,
                snapshot(p));
        record(projectId, null, "批复", "approved", approver, "批复为第 " + next + " 版");
        events.publishEvent(new ProjectMonitoringChanged(projectId));
        return next;
    }

    /** The table is with the unit again: editable as a draft, or as an adjustment of an approved version. */
    @Transactional
    public void returnedToDrafting(Long projectId) {
        projects.table(projectId).returnToEditing();
    }

    /**
     * One step of the project's history. One plain insert: persisting the entity through the repository cost several
     * times the statement, at every step of every table; the history is only ever read back by query. The project's
     * row must be in the database already: a plain insert does not make Hibernate send what it has queued.
     */
    @Transactional
    public void record(Long projectId, String taskId, String step, String action, String user, String comment) {
        jdbc.update("insert into review_opinion (project_id, task_id, step, action, user_id, comment, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", projectId, taskId, step, action, user, comment,
                LocalDateTime.ofInstant(now(), databaseZone));
    }

    /**
     * Who last took this step with this action (编制 submit, 财政审核 approve…), from the project's history. The
     * engine's work after a person's decision (校验, 批复, 结果公开) runs as a job of its own, after that decision
     * has committed: the routing values the step handed on were never stored (RoutingVariables), its opinion was.
     */
    @Transactional(readOnly = true)
    public String lastActor(Long projectId, String step, String action) {
        // Plain SQL, as the opinions are written: through the repository the query cost more than the job's own
        // statements, and the session it would flush first holds nothing this reads.
        List<String> users = jdbc.queryForList("select o.user_id from review_opinion o where o.id = (select max(l.id)"
                + " from review_opinion l where l.project_id = ? and l.step = ? and l.action = ?)", String.class,
                projectId, step, action);
        return users.isEmpty() ? null : users.get(0);
    }

    /** Whether anyone has acted on a task yet (withdraw is allowed only while nobody has). */
    @Transactional(readOnly = true)
    public boolean touched(String taskId) {
        return opinions.existsByTaskId(taskId);
    }

    @Transactional(readOnly = true)
    public List<ReviewOpinion> history(Long projectId) {
        return opinions.findByProjectIdOrderByIdAsc(projectId);
    }

    @Transactional(readOnly = true)
    public List<TargetVersion> versions(Long projectId) {
        return versions.findByProjectIdOrderByVersionAsc(projectId);
    }

    /**
     * 年初预算数: the budget as first approved (version 1), which monitoring reports and the 自评表 show beside the
     * adjusted one; the table's own budget while nothing is approved yet.
     */
    @Transactional(readOnly = true)
    public BigDecimal initialBudget(Project p) {
        List<TargetVersion> list = versions.findByProjectIdOrderByVersionAsc(p.getId());
        if (!list.isEmpty()) {
            try {
                JsonNode budget = json.readTree(list.get(0).getSnapshot()).get("budget");
                if (budget != null && budget.isNumber()) {
                    return budget.decimalValue();
                }
            } catch (JsonProcessingException e) {
                // A snapshot that cannot be read falls back to the table's budget.
            }
        }
        return p.getBudget();
    }

    private String snapshot(Project p) {
        try {
            return json.writeValueAsString(ProjectView.of(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine's clock: an opinion is recorded at the time its task is completed, as the engine sees it. */
    Instant now() {
        return clock.instant();
    }
}
