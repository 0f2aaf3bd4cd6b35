package org.openperf.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openperf.departments.DepartmentFinding;
import org.openperf.departments.DepartmentMonitoring;
import org.openperf.departments.DepartmentTargetView;
import org.openperf.departments.DepartmentTargets;
import org.openperf.evaluation.department.DepartmentSelfEvaluations;
import org.openperf.kernel.Caller;
import org.openperf.review.department.DepartmentTargetReview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 部门整体绩效目标: the list of the tables the caller may see, and one table laid out as published, editable in place
 * while drafted by those who may change it. A table the caller may not see answers 404 as a missing one.
 */
@Controller
public class DepartmentTargetPage {

    private final DepartmentTargets targets;
    private final ObjectMapper json;
    private final DepartmentTargetReview review;
    private final DepartmentMonitoring monitoring;
    private final DepartmentSelfEvaluations selfEvaluations;

    public DepartmentTargetPage(DepartmentTargets targets, ObjectMapper json, DepartmentTargetReview review,
                                DepartmentMonitoring monitoring, DepartmentSelfEvaluations selfEvaluations) {
        this.selfEvaluations = selfEvaluations;
        this.monitoring = monitoring;
        this.targets = targets;
        this.json = json;
        this.review = review;
    }

    @GetMapping("/departments/targets")
    public String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String department,
                       Model model) {
        model.addAttribute("rows", targets.list(year, department, Caller.current()));
        model.addAttribute("year", year);
        model.addAttribute("department", department == null ? "" : department);
        return "department-targets";
    }

    @GetMapping("/departments/{code}/targets/{year}")
    public String table(@PathVariable String code, @PathVariable int year, Model model) throws JsonProcessingException {
        Caller caller = Caller.current();
        DepartmentTargetView table = targets.find(code, year, caller);
        model.addAttribute("table", table);
        model.addAttribute("lines", DepartmentTargetLine.of(table));
        model.addAttribute("errorCount", table.findings().stream().filter(DepartmentFinding::isError).count());
        model.addAttribute("warningCount", table.findings().stream().filter(f -> !f.isError()).count());
        model.addAttribute("editable", targets.mayEdit(table.id(), caller));
        // Where its approval stands (department-target-approval), its history, and whether the caller may submit.
        model.addAttribute("review", review.status(table.id(), caller));
        model.addAttribute("monitoringReports", monitoring.reports(table.id(), caller));
        model.addAttribute("selfEvaluation", selfEvaluations.find(table.id(), caller).orElse(null));
        model.addAttribute("hasWeights", table.activities().stream()
                .anyMatch(a -> a.indicators().stream().anyMatch(i -> i.weight() != null)));
        // The editor starts from the table as stored; '<' escaped so the JSON cannot end its script element.
        model.addAttribute("tableJson", json.writeValueAsString(table).replace("<", "\\u003c"));
        return "department-target";
    }

    /**
     * The table's 监控表 of one round: every activity indicator with its bands, the value so far, band and light, and
     * the reasons and measures; editable by the department while it fills it, with 提交 completing its task.
     */
    @GetMapping("/departments/{code}/targets/{year}/monitoring/{roundId}")
    public String monitoring(@PathVariable String code, @PathVariable int year, @PathVariable long roundId,
                             Model model) throws JsonProcessingException {
        Caller caller = Caller.current();
        DepartmentTargetView table = targets.find(code, year, caller);
        DepartmentMonitoring.ReportView report = monitoring.report(table.id(), roundId, caller);
        model.addAttribute("table", table);
        model.addAttribute("report", report);
        model.addAttribute("editable", monitoring.mayFill(table.id(), roundId, caller));
        model.addAttribute("taskId", review.monitoringTask(table.id(), roundId, caller));
        model.addAttribute("reportJson", json.writeValueAsString(report).replace("<", "\\u003c"));
        return "department-monitoring";
    }

    /**
     * The table's 自评表 (部门整体支出绩效自评): the budget's execution, the overall goal's achievement and every
     * activity indicator with its bands, actual value, band, weight, score and deviation analysis, the total and the
     * grade; editable by the department while it fills it, with 提交 completing its task.
     */
    @GetMapping("/departments/{code}/targets/{year}/self-evaluation")
    public String selfEvaluation(@PathVariable String code, @PathVariable int year, Model model)
            throws JsonProcessingException {
        Caller caller = Caller.current();
        DepartmentTargetView table = targets.find(code, year, caller);
        DepartmentSelfEvaluations.View sheet = selfEvaluations.get(table.id(), caller);
        model.addAttribute("table", table);
        model.addAttribute("sheet", sheet);
        model.addAttribute("editable", selfEvaluations.mayFill(table.id(), caller));
        model.addAttribute("taskId", review.selfEvaluationTask(table.id(), caller));
        model.addAttribute("sheetJson", json.writeValueAsString(sheet).replace("<", "\\u003c"));
        return "department-self-evaluation";
    }
}
