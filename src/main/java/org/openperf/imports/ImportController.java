package org.openperf.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.openperf.kernel.Caller;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.Download;
import org.openperf.kernel.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "导入")
public class ImportController {

    private final ImportService imports;
    private final ImportBatchRepository batches;
    private final ErrorReportWriter reports;

    private final DisplayTimes times;

    public ImportController(ImportService imports, ImportBatchRepository batches, ErrorReportWriter reports,
                            DisplayTimes times) {
        this.times = times;
        this.imports = imports;
        this.batches = batches;
        this.reports = reports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入绩效目标表（.xlsx / .docx，一个文件可含多张表；dryRun=true 只预览不保存；"
            + "approved=true 按已批复导入（补录已批复目标，仅限财政和管理员）：每张表即为批复第 1 版，文件留作批复依据）")
    public ImportResult importFile(@RequestPart("file") MultipartFile file, @RequestParam int year,
                                   @RequestParam(defaultValue = "false") boolean dryRun,
                                   @RequestParam(required = false) String department,
                                   @RequestParam(defaultValue = "false") boolean approved) throws IOException {
        Caller caller = Caller.current();
        if (approved) {
            // Before the upload is read: a unit's attempt is refused whatever the file holds.
            ImportService.mayImportApproved(caller);
        }
        return imports.importFile(file.getBytes(), file.getOriginalFilename(), year, dryRun, department, caller,
                approved, ImportProgress.NONE);
    }

    @GetMapping("/{id}")
    @Operation(summary = "导入批次：表数、指标数与问题")
    public BatchView batch(@PathVariable Long id) {
        ImportBatch b = find(id);
        return new BatchView(b.getId(), b.getFileName(), b.getYear(), times.iso(b.getCreatedAt()), b.getCreatedBy(),
                b.isApproved(), b.getTableCount(), b.getIndicatorCount(), imports.storedProblems(b));
    }

    @GetMapping("/{id}/error-report")
    @Operation(summary = "错误报告：上传的工作簿副本，问题单元格标红并附批注和“错误信息”列")
    public ResponseEntity<byte[]> errorReport(@PathVariable Long id) {
        ImportBatch b = find(id);
        return report(b.getContent(), b.getFileName(), b.getYear());
    }

    @PostMapping(path = "/error-report", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "对任意文件（包括无法导入的文件）生成错误报告，不保存任何内容")
    public ResponseEntity<byte[]> errorReportFor(@RequestPart("file") MultipartFile file, @RequestParam int year)
            throws IOException {
        return report(file.getBytes(), file.getOriginalFilename(), year);
    }

    private ResponseEntity<byte[]> report(byte[] content, String fileName, int year) {
        ReadResult read = imports.readLenient(content, fileName, year);
        byte[] body = reports.write(content, FileKind.of(content) == FileKind.XLSX, imports.locatedProblems(read));
        String base = fileName == null ? "导入" : fileName.replaceAll("\\.(xlsx|docx)$", "");
        return Download.attachment(body, base + "-错误报告.xlsx", Download.XLSX);
    }

    /** The batch holds the uploaded file itself: read only as {@link ImportJobs#mayRead} allows. */
    private ImportBatch find(Long id) {
        ImportBatch b = batches.findById(id).orElseThrow(() -> new NotFoundException("导入批次 " + id + " 不存在"));
        if (!ImportJobs.mayRead(b.getCreatedBy(), Caller.current())) {
            throw new NotFoundException("导入批次 " + id + " 不存在");
        }
        return b;
    }

    /** {@code approved}: imported as approved (补录已批复目标), its file the evidence of that approval. */
    public record BatchView(Long id, String fileName, int year, String createdAt, String createdBy, boolean approved,
                            int tableCount, int indicatorCount, java.util.List<ImportResult.ProblemView> problems) {
    }
}
