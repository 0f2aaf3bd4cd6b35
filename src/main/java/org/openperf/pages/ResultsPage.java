package org.openperf.pages;

import org.openperf.evaluation.ResultsApplication;
import org.openperf.kernel.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 结果应用 (finance, administrators; a department's reviewers for their own department): the tables of the year being
 * budgeted beside last year's results, 200 a page, filterable to 中/差 with a rising budget and by department.
 */
@Controller
public class ResultsPage {

    private final ResultsApplication results;

    public ResultsPage(ResultsApplication results) {
        this.results = results;
    }

    @GetMapping("/results/{year}")
    public String results(@PathVariable int year, @RequestParam(required = false) String department,
                          @RequestParam(defaultValue = "false") boolean weakOnly,
                          @RequestParam(defaultValue = "0") int page, Model model) {
        ResultsApplication.Page p = results.page(year, department, weakOnly, page, Caller.current());
        model.addAttribute("result", p);
        model.addAttribute("department", p.department() == null ? "" : p.department());
        return "results";
    }
}
