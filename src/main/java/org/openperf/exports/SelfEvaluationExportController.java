package org.openperf.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openperf.evaluation.SelfEvaluationReport;
import org.openperf.evaluation.SelfEvaluationReports;
import org.openperf.kernel.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "绩效自评")
public class SelfEvaluationExportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final SelfEvaluationReports evaluations;
    private final SelfEvaluationWriter writer;

    public SelfEvaluationExportController(SelfEvaluationReports evaluations, SelfEvaluationWriter writer) {
        this.evaluations = evaluations;
        this.writer = writer;
    }

    @GetMapping("/api/projects/{id}/self-evaluation/export")
    @Operation(summary = "导出项目支出绩效自评表（xlsx / docx）")
    public ResponseEntity<byte[]> export(@PathVariable Long id, @RequestParam(defaultValue = "xlsx") String format) {
        ExportService.Format f = ExportService.Format.of(format);
        SelfEvaluationReport r = evaluations.report(id, Caller.current().scope());
        byte[] body = bytes(out -> {
            if (f == ExportService.Format.DOCX) {
                writer.document(r, out);
            } else {
                writer.workbook(r, out);
            }
        });
        return file(body, "绩效自评表-" + id + "." + f.extension(), f == ExportService.Format.DOCX ? DOCX : XLSX);
    }

    @GetMapping("/api/self-evaluations/summary.xlsx")
    @Operation(summary = "自评结果汇总表：每个项目一行（预算、执行、执行率、总分、等级）")
    public ResponseEntity<byte[]> summary(@RequestParam int year,
                                          @RequestParam(required = false) String department) {
        List<SelfEvaluationReport> reports = evaluations.reports(year, department, Caller.current().scope());
        if (reports.isEmpty()) {
            throw new IllegalArgumentException(year + " 年度" + (department == null ? "" : "主管部门 " + department + " ")
                    + "没有已评分的自评可汇总");
        }
        String title = year + "年度项目支出绩效自评结果汇总表"
                + (department == null || department.isBlank() ? "" : "（" + reports.get(0).departmentName() + "）");
        return file(bytes(out -> writer.summary(title, reports, out)),
                "绩效自评汇总-" + year + (department == null ? "" : "-" + department) + ".xlsx", XLSX);
    }

    private interface Writing {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] bytes(Writing w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            w.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
