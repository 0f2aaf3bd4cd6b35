package org.openperf.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openperf.evaluation.SelfEvaluationReport;
import org.openperf.evaluation.SelfEvaluationReports;
import org.openperf.files.PreparedFileController;
import org.openperf.files.PreparedFiles;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Download;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "绩效自评")
public class SelfEvaluationExportController {

    private final SelfEvaluationReports evaluations;
    private final SelfEvaluationWriter writer;
    private final SelfEvaluationSummary summary;
    private final PreparedFiles files;

    public SelfEvaluationExportController(SelfEvaluationReports evaluations, SelfEvaluationWriter writer,
                                          SelfEvaluationSummary summary, PreparedFiles files) {
        this.evaluations = evaluations;
        this.writer = writer;
        this.summary = summary;
        this.files = files;
    }

    @GetMapping("/api/projects/{id}/self-evaluation/export")
    @Operation(summary = "导出项目支出绩效自评表（xlsx / docx）")
    public ResponseEntity<byte[]> export(@PathVariable Long id, @RequestParam(defaultValue = "xlsx") String format) {
        ExportService.Format f = ExportService.Format.of(format);
        SelfEvaluationReport r = evaluations.report(id, Caller.current().scope());
        byte[] body = Download.bytes(out -> {
            if (f == ExportService.Format.DOCX) {
                writer.document(r, out);
            } else {
                writer.workbook(r, out);
            }
        });
        return Download.attachment(body, "绩效自评表-" + id + "." + f.extension(), f.mediaType());
    }

    @GetMapping("/api/self-evaluations/summary.xlsx")
    @Operation(summary = "自评结果汇总表：每个项目一行（预算、执行、执行率、总分、等级）")
    public ResponseEntity<byte[]> summary(@RequestParam int year,
                                          @RequestParam(required = false) String department) {
        return Download.attachment(summary.workbook(year, department, Caller.current()),
                SelfEvaluationSummary.fileName(year, department), Download.XLSX);
    }

    @PostMapping("/api/self-evaluations/summary-files")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "后台生成自评结果汇总表（xlsx）：立即返回文件号，用 GET /api/files/{id} 查询，生成后下载 content")
    public PreparedFileController.FileView summaryFile(@RequestParam int year,
                                                       @RequestParam(required = false) String department) {
        return PreparedFileController.FileView.of(summary.file(year, department, Caller.current()), files);
    }
}
