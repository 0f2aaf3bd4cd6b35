package org.openperf.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.openperf.evaluation.SelfEvaluationResults;
import org.openperf.imports.ApprovalEvidence;
import org.openperf.review.ReviewService;
import org.openperf.review.Steps;
import org.openperf.review.TargetVersion;
import org.openperf.kernel.Caller;
import org.openperf.kernel.DisplayTimes;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectStatus;
import org.openperf.targets.ProjectView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 项目列表 and 目标表: the preparers' pages for their projects. */
@Controller
public class ProjectPageController {

    static final int PAGE_SIZE = 20;

    private final ProjectPages pages;
    private final ProjectService projects;
    private final ReviewService review;
    private final SelfEvaluationResults evaluations;
    private final ObjectMapper json;
    private final ApprovalEvidence evidence;
    private final DisplayTimes times;

    public ProjectPageController(ProjectPages pages, ProjectService projects, ReviewService review,
                                 SelfEvaluationResults evaluations, ObjectMapper json, ApprovalEvidence evidence,
                                 DisplayTimes times) {
        this.times = times;
        this.evidence = evidence;
        this.pages = pages;
        this.projects = projects;
        this.review = review;
        this.evaluations = evaluations;
        this.json = json;
    }

    @GetMapping("/projects")
    public String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String unit,
                       @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        ProjectStatus s = parseStatus(status);
        Page<ProjectRow> rows = pages.list(year, unit, s, q, Caller.current(),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Order.desc("year"), Sort.Order.asc("id"))));
        model.addAttribute("rows", rows);
        model.addAttribute("year", year);
        model.addAttribute("unit", unit == null ? "" : unit);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("statuses", ProjectStatus.values());
        return "projects";
    }

    @GetMapping("/projects/{id}")
    public String project(@PathVariable Long id, Model model) throws JsonProcessingException {
        Caller caller = Caller.current();
        ProjectView table = projects.view(id, caller.scope());
        ProjectPages.ProjectTasks tasks = pages.tasksOf(id, caller);
        List<TargetVersion> versions = review.versions(id);
        List<VersionView> versionViews = new ArrayList<>();
        ProjectView previous = null;
        for (TargetVersion v : versions) {
            ProjectView snapshot = json.readValue(v.getSnapshot(), ProjectView.class);
            versionViews.add(new VersionView(v.getVersion(), times.text(v.getApprovedAt()),
                    v.getApprovedBy(), previous == null ? List.of() : VersionDiff.between(previous, snapshot)));
            previous = snapshot;
        }
        boolean editable = ProjectStatus.valueOf(table.status()) == ProjectStatus.DRAFT
                || ProjectStatus.valueOf(table.status()) == ProjectStatus.ADJUSTING;
        // While a table is being revised, what differs from the last approved version is highlighted.
        List<VersionDiff.Change> pending = editable && previous != null ? VersionDiff.between(previous, table) : List.of();
        List<String> changedKeys = editable && previous != null ? VersionDiff.changedIndicators(previous, table) : List.of();
        Task drafting = tasks.mineAt(Steps.DRAFTING);
        Task departmentReview = tasks.openAt(Steps.DEPARTMENT_REVIEW);
        boolean canWithdraw = departmentReview != null && departmentReview.getAssignee() == null
                && caller.userId() != null && caller.userId().equals(projects.table(id).getSubmittedBy());
        model.addAttribute("table", table);
        // The preparers of the project's unit and finance link it to last year's (PreviousProjects decides again).
        model.addAttribute("canLinkPrevious", caller.isFinance()
                || (table.unit() != null && caller.unitCodes().contains(table.unit().code())));
        model.addAttribute("lines", IndicatorLine.of(table, changedKeys));
        model.addAttribute("projectFindings", table.findings().stream().filter(f -> f.indicatorIndex() == null).toList());
        model.addAttribute("errorCount", table.findings().stream().filter(f -> f.isError()).count());
        model.addAttribute("warningCount", table.findings().stream().filter(f -> !f.isError()).count());
        model.addAttribute("history", review.history(id));
        model.addAttribute("approvalEvidence", evidence.of(id, caller.scope(), false).orElse(null));
        model.addAttribute("versions", versionViews);
        model.addAttribute("pending", pending);
        model.addAttribute("editable", editable);
        model.addAttribute("step", tasks.step());
        model.addAttribute("myTasks", tasks.mineList());
        model.addAttribute("canSubmit", drafting != null);
        model.addAttribute("canWithdraw", canWithdraw);
        // The 自评表 is linked once there is something to fill or to read.
        model.addAttribute("selfEvaluation", tasks.openAt(SelfEvaluationPage.TASK) != null
                || evaluations.hasResult(id, caller.scope()));
        // The editor starts from the table as stored; '<' escaped so the JSON cannot end its script element.
        model.addAttribute("tableJson", json.writeValueAsString(table).replace("<", "\\u003c"));
        return "project";
    }

    private static ProjectStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ProjectStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("状态 status 必须为 DRAFT、ADJUSTING、IN_REVIEW 或 APPROVED");
        }
    }

    public record VersionView(int version, String approvedAt, String approvedBy, List<VersionDiff.Change> changes) {
    }
}
