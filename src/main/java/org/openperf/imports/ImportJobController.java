package org.openperf.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.openperf.kernel.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/import-jobs")
@Tag(name = "导入")
public class ImportJobController {

    private final ImportJobs jobs;

    public ImportJobController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "后台导入（大文件）：立即返回任务号，进度用 GET /api/import-jobs/{id} 查询；"
            + "approved=true 按已批复导入（仅限财政和管理员）")
    public JobView start(@RequestPart("file") MultipartFile file, @RequestParam int year,
                         @RequestParam(required = false) String department,
                         @RequestParam(defaultValue = "false") boolean approved) throws IOException {
        Caller caller = Caller.current();
        if (approved) {
            ImportService.mayImportApproved(caller);
        }
        return JobView.of(jobs.start(file.getBytes(), file.getOriginalFilename(), year, department, approved,
                caller));
    }

    @GetMapping("/{id}")
    @Operation(summary = "后台导入的进度：已完成表数 / 总表数，完成后给出导入批次")
    public JobView get(@PathVariable Long id) {
        return JobView.of(jobs.find(id, Caller.current()));
    }

    /** {@code status}: RUNNING, DONE, FAILED, or INTERRUPTED when a running job has not moved for a long time. */
    public record JobView(Long id, String fileName, int year, String status, int tablesDone, int tablesTotal,
                          Long importId, Long duplicateOf, String message) {
        static JobView of(ImportJob j) {
            String status = ImportJobs.stale(j) ? "INTERRUPTED" : j.getStatus().name();
            return new JobView(j.getId(), j.getFileName(), j.getYear(), status, j.getTablesDone(), j.getTablesTotal(),
                    j.getImportId(), j.getDuplicateOf(), ImportJobs.stale(j)
                            ? "导入已中断（处理它的服务器停止了），未完成的导入不会留下任何数据，请重新导入" : j.getMessage());
        }
    }
}
