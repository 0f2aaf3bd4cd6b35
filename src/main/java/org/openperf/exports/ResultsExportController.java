package org.openperf.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openperf.evaluation.ResultsApplication;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Download;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 结果应用 as a workbook: every row of the page (not one page of it), same filters, same order. */
@RestController
@Tag(name = "绩效自评")
public class ResultsExportController {

    private final ResultsApplication results;
    private final ResultsWorkbookWriter writer;

    public ResultsExportController(ResultsApplication results, ResultsWorkbookWriter writer) {
        this.results = results;
        this.writer = writer;
    }

    @GetMapping("/api/results/export")
    @Operation(summary = "结果应用表（xlsx）：year 年度的目标表与上年结果，筛选同 /api/results")
    public ResponseEntity<byte[]> export(@RequestParam int year, @RequestParam(required = false) String department,
                                         @RequestParam(defaultValue = "false") boolean weakOnly) {
        List<ResultsApplication.Row> rows = results.rows(year, department, weakOnly, Caller.current());
        String dept = department == null || department.isBlank() ? null : department.strip();
        String title = year + "年度预算项目结果应用表（上年 " + (year - 1) + " 年评价结果）"
                + (dept == null || rows.isEmpty() ? "" : "：" + rows.get(0).departmentName())
                + (weakOnly ? "（上年中、差且预算增加）" : "");
        return Download.attachment(Download.bytes(out -> writer.workbook(title, rows, out)),
                "结果应用-" + year + (dept == null ? "" : "-" + dept) + (weakOnly ? "-中差增加" : "") + ".xlsx",
                Download.XLSX);
    }
}
