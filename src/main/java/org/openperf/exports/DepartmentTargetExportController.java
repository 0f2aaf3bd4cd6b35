package org.openperf.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.departments.DepartmentTargets;
import org.openperf.kernel.Caller;
import org.openperf.kernel.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "导出与模板")
public class DepartmentTargetExportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final DepartmentTargets targets;
    private final DepartmentTargetWorkbookWriter writer;
    private final DepartmentTargetDocumentWriter document;
    private final java.time.Clock clock;

    public DepartmentTargetExportController(DepartmentTargets targets, DepartmentTargetWorkbookWriter writer,
                                            DepartmentTargetDocumentWriter document, java.time.Clock clock) {
        this.clock = clock;
        this.targets = targets;
        this.writer = writer;
        this.document = document;
    }

    @GetMapping("/api/department-targets/{id}/export")
    @Operation(summary = "导出一张部门整体绩效目标（xlsx 或 docx，按公开的版式；可再导入）")
    public ResponseEntity<byte[]> export(@PathVariable Long id,
                                         @RequestParam(defaultValue = "xlsx") String format) {
        boolean docx = "docx".equalsIgnoreCase(format);
        if (!docx && !"xlsx".equalsIgnoreCase(format)) {
            throw new InvalidInputException("导出格式“" + format + "”不支持：请用 xlsx 或 docx");
        }
        DepartmentTargetTable t = targets.load(id, Caller.current());
        String name = "部门整体绩效目标-" + (t.getDepartment().getCode() == null ? id : t.getDepartment().getCode())
                + "-" + t.getYear();
        return ResponseEntity.ok().contentType(docx ? DOCX : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + (docx ? ".docx" : ".xlsx"), StandardCharsets.UTF_8).build().toString())
                .body(docx ? document.write(t) : writer.write(t));
    }

    @GetMapping("/api/templates/department-targets.xlsx")
    @Operation(summary = "部门整体绩效目标空白模板（xlsx，与导出同一版式，可直接导入）")
    public ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("部门整体绩效目标模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(writer.write(new DepartmentTargetTable(java.time.Year.now(clock).getValue())));
    }
}
