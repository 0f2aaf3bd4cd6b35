package org.openperf.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Download;
import org.openperf.kernel.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "导入")
public class ApprovalEvidenceController {

    private final ApprovalEvidence evidence;

    public ApprovalEvidenceController(ApprovalEvidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/projects/{id}/approval-evidence")
    @Operation(summary = "批复依据：按已批复导入（补录已批复目标）时上传的文件原件")
    public ResponseEntity<byte[]> download(@PathVariable Long id) {
        ApprovalEvidence.File file = evidence.of(id, Caller.current().scope(), true)
                .orElseThrow(() -> new NotFoundException("项目 " + id + " 不是按已批复导入的，没有批复依据文件"));
        MediaType type = FileKind.of(file.content()) == FileKind.XLSX ? Download.XLSX
                : FileKind.of(file.content()) == FileKind.DOCX ? Download.DOCX : MediaType.APPLICATION_OCTET_STREAM;
        return Download.attachment(file.content(), file.fileName(), type);
    }
}
