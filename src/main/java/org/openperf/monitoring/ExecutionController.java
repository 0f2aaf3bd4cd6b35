package org.openperf.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openperf.kernel.Caller;
import org.openperf.targets.ProjectView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "预算执行")
public class ExecutionController {

    private final ExecutionService execution;
    private final ExecutionImportService imports;

    public ExecutionController(ExecutionService execution, ExecutionImportService imports) {
        this.execution = execution;
        this.imports = imports;
    }

    public record ReadingInput(LocalDate asOf, BigDecimal spent) {
    }

    public record ReadingView(Long id, LocalDate asOf, BigDecimal spent, String source, String recordedBy) {
        static ReadingView of(ExecutionReading r) {
            return new ReadingView(r.getId(), r.getAsOf(), ProjectView.amount(r.getSpent()), r.getSource().name(),
                    r.getRecordedBy());
        }
    }

    @PostMapping("/api/projects/{id}/execution")
    @Operation(summary = "录入截至某日的累计支出（万元）")
    public ResponseEntity<ReadingView> record(@PathVariable Long id, @RequestBody ReadingInput in) {
        Caller caller = Caller.current();
        ExecutionReading r = execution.record(id, in.asOf(), in.spent(), caller.scope(), caller.userId());
        return ResponseEntity.status(HttpStatus.CREATED).body(ReadingView.of(r));
    }

    @GetMapping("/api/projects/{id}/execution")
    @Operation(summary = "预算执行记录（全部保留）")
    public List<ReadingView> readings(@PathVariable Long id) {
        return execution.readings(id, Caller.current().scope()).stream().map(ReadingView::of).toList();
    }

    @PostMapping(path = "/api/execution-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "批量导入累计支出：项目编码（或项目名称+单位）、截至日期、累计支出（万元）；有任一行无法匹配则全部不保存")
    public ResponseEntity<ExecutionImportService.Result> importWorkbook(@RequestPart("file") MultipartFile file,
                                                                        @RequestParam int year) throws IOException {
        Caller caller = Caller.current();
        ExecutionImportService.Result r = imports.load(file.getBytes(), file.getOriginalFilename(), year,
                caller.scope(), caller.userId());
        return ResponseEntity.status(r.problems().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(r);
    }
}
