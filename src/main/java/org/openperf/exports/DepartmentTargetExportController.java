package org.openperf.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.openperf.departments.DepartmentTargetTable;
import org.openperf.departments.DepartmentTargets;
import org.openperf.kernel.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "导出与模板")
public class DepartmentTargetExportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DepartmentTargets targets;
    private final DepartmentTargetWorkbookWriter writer;

    public DepartmentTargetExportController(DepartmentTargets targets, DepartmentTargetWorkbookWriter writer) {
        this.targets = targets;
        this.writer = writer;
    }

    @GetMapping("/api/department-targets/{id}/export")
    @Operation(summary = "导出一张部门整体绩效目标（xlsx，按公开的栏目；可再导入）")
    public ResponseEntity<byte[]> export(@PathVariable Long id) {
        DepartmentTargetTable t = targets.load(id, Caller.current());
        String name = "部门整体绩效目标-" + (t.getDepartment().getCode() == null ? id : t.getDepartment().getCode())
                + "-" + t.getYear();
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(writer.write(t));
    }
}
