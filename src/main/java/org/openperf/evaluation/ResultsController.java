package org.openperf.evaluation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openperf.kernel.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 结果应用 as JSON: the rows of the /results page, one page (200 rows) at a time. */
@RestController
@Tag(name = "绩效自评")
public class ResultsController {

    private final ResultsApplication results;

    public ResultsController(ResultsApplication results) {
        this.results = results;
    }

    @GetMapping("/api/results")
    @Operation(summary = "结果应用：year 年度的目标表与其上年项目的自评结果、执行率、红灯次数和预算变化（财政、主管部门）")
    public ResultsApplication.Page results(@RequestParam int year,
                                           @RequestParam(required = false) String department,
                                           @RequestParam(defaultValue = "false") boolean weakOnly,
                                           @RequestParam(defaultValue = "0") int page) {
        return results.page(year, department, weakOnly, page, Caller.current());
    }
}
