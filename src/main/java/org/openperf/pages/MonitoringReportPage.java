package org.openperf.pages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openperf.kernel.ForbiddenException;
import org.openperf.kernel.InvalidInputException;
import org.openperf.monitoring.MonitoringReport;
import org.openperf.monitoring.MonitoringReportService;
import org.openperf.kernel.Caller;
import org.openperf.targets.ProjectService;
import org.openperf.targets.ProjectView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 监控表: the unit fills the open round's report on one page (saved by one POST to the monitoring API, so the page
 * and the API check alike), and everyone in scope sees the project's reports with their lights.
 */
@Controller
public class MonitoringReportPage {

    static final List<String> REASONS = List.of("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他");
    static final List<String> LIKELIHOODS = List.of("确定能", "有可能", "完全不可能");

    private final ProjectService projects;
    private final MonitoringReportService reports;

    public MonitoringReportPage(ProjectService projects, MonitoringReportService reports) {
        this.projects = projects;
        this.reports = reports;
    }

    @GetMapping("/projects/{id}/monitoring-report")
    public String page(@PathVariable Long id, Model model) {
        Caller caller = Caller.current();
        // Out of scope is "not found" (404) before anything else is read.
        ProjectView table = projects.view(id, caller.scope());
        MonitoringReportService.Draft draft = null;
        String noDraft = null;
        try {
            draft = reports.draft(id, null, caller.scope());
        } catch (ForbiddenException | InvalidInputException e) {
            // No open round (or several): the page shows why and the reports so far.
            noDraft = e.getMessage();
        }
        boolean ownUnit = table.unit() != null && caller.unitCodes().contains(table.unit().code());
        List<MonitoringReport> all = new ArrayList<>(reports.reports(id, caller.scope()));
        Collections.reverse(all);
        if (draft == null && !all.isEmpty() && all.get(0).getStatus() != MonitoringReport.Status.RETURNED
                && noDraft != null && noDraft.contains("当前没有待填报")) {
            // Right after submitting, the unit reads where its report is rather than "no round open".
            noDraft = "最新的监控表已提交，" + status(all.get(0).getStatus()) + "；当前没有待填报的监控表。";
        }
        model.addAttribute("table", table);
        model.addAttribute("draft", draft);
        model.addAttribute("noDraft", noDraft);
        model.addAttribute("canSubmit", draft != null && ownUnit);
        model.addAttribute("reports", all);
        model.addAttribute("reasons", REASONS);
        model.addAttribute("likelihoods", LIKELIHOODS);
        return "monitoring-report";
    }

    /** 待部门审核, 部门退回, …: the report's place in review, as the unit reads it. */
    public static String status(MonitoringReport.Status s) {
        return switch (s) {
            case SUBMITTED -> "待主管部门审核";
            case RETURNED -> "主管部门退回，请重新填报";
            case WITH_FINANCE -> "财政审核中";
            case RECTIFYING -> "整改中";
            case APPROVED -> "审核通过";
        };
    }
}
