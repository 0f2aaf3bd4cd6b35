package org.openperf.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openperf.evaluation.SelfEvaluationReport;
import org.openperf.evaluation.SelfEvaluationReports;
import org.openperf.evaluation.department.DepartmentSelfEvaluations;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Download;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "绩效自评")
public class SelfEvaluationExportController {

    private final SelfEvaluationReports evaluations;
    private final SelfEvaluationWriter writer;
    private final DepartmentSelfEvaluations departmentTables;

    public SelfEvaluationExportController(SelfEvaluationReports evaluations, SelfEvaluationWriter writer,
                                          DepartmentSelfEvaluations departmentTables) {
        this.departmentTables = departmentTables;
        this.evaluations = evaluations;
        this.writer = writer;
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
        List<SelfEvaluationReport> reports = evaluations.reports(year, department, Caller.current().scope());
        List<DepartmentSelfEvaluations.DepartmentSheet> found = departmentTables.ofYear(year, department, Caller.current());
        if (reports.isEmpty() && found.stream().allMatch(d -> "DRAFT".equals(d.sheet().status()))) {
            throw new IllegalArgumentException(year + " 年度" + (department == null ? "" : "主管部门 " + department + " ")
                    + "没有已评分的自评可汇总");
        }
        List<DepartmentTablesSheet.SelfEvaluation> departments = found.stream()
                .map(d -> new DepartmentTablesSheet.SelfEvaluation(d.departmentCode() + " " + d.departmentName(), d.sheet()))
                .toList();
        String title = year + "年度项目支出绩效自评结果汇总表" + (department == null || department.isBlank() ? ""
                : "（" + (reports.isEmpty() ? found.get(0).departmentName() : reports.get(0).departmentName()) + "）");
        return Download.attachment(Download.bytes(out -> writer.summary(title, reports, departments, out)),
                "绩效自评汇总-" + year + (department == null ? "" : "-" + department) + ".xlsx", Download.XLSX);
    }

}
