package org.openperf.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Download;
import org.openperf.review.ReviewService;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "导出与模板")
public class ExportController {

    private final ExportService exports;
    private final ProjectService projects;
    private final ReviewService review;
    private final ReviewHistoryWriter history;

    public ExportController(ExportService exports, ProjectService projects, ReviewService review,
                            ReviewHistoryWriter history) {
        this.exports = exports;
        this.projects = projects;
        this.review = review;
        this.history = history;
    }

    @GetMapping("/api/projects/{id}/export")
    @Operation(summary = "导出一个项目的绩效目标表（xlsx 版式 A / docx 版式 B）")
    public ResponseEntity<byte[]> project(@PathVariable Long id, @RequestParam(defaultValue = "xlsx") String format) {
        ExportService.Format f = ExportService.Format.of(format);
        return file(exports.project(id, f, Caller.current().scope()), "绩效目标表-" + id, f);
    }

    @GetMapping("/api/projects/{id}/history.xlsx")
    @Operation(summary = "导出一个项目的审批记录（时间为北京时间）")
    public ResponseEntity<byte[]> history(@PathVariable Long id) {
        Project p = projects.table(id, Caller.current().scope()); // another unit's project: 404, as a missing one
        byte[] body = Download.bytes(out -> history.workbook(p.getName() + " 审批记录", review.history(id), out));
        return Download.attachment(body, "审批记录-" + id + ".xlsx", Download.XLSX);
    }

    @GetMapping("/api/exports")
    @Operation(summary = "批量导出：按年度、单位，多张表一个文件")
    public ResponseEntity<byte[]> many(@RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) String unit,
                                       @RequestParam(defaultValue = "xlsx") String format) {
        ExportService.Format f = ExportService.Format.of(format);
        return file(exports.projects(year, unit, f, Caller.current().scope()), "绩效目标表" + (year == null ? "" : "-" + year)
                + (unit == null ? "" : "-" + unit), f);
    }

    @GetMapping("/api/templates/target-table.xlsx")
    @Operation(summary = "空白绩效目标表模板（含下拉选项和填写说明）")
    public ResponseEntity<byte[]> template() {
        return file(exports.template(), "绩效目标表模板", ExportService.Format.XLSX);
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, ExportService.Format f) {
        return Download.attachment(body, name + "." + f.extension(), f.mediaType());
    }
}
