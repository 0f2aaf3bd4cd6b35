package org.openperf.targets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Finding;
import org.openperf.kernel.Severity;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "项目与目标表")
public class ProjectController {

    private final ProjectService service;

    public ProjectController(ProjectService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "项目列表（分页）")
    public PageView<ProjectSummary> list(@RequestParam(required = false) Integer year,
                                         @RequestParam(required = false) String unit,
                                         @RequestParam(required = false) ProjectStatus status,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size) {
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500), Sort.by("id"));
        return PageView.of(service.list(year, unit, status, Caller.current().scope(), request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "目标表（含指标与校验结果）")
    public ProjectView get(@PathVariable Long id) {
        return service.view(id, Caller.current().scope());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建项目目标表（草稿）")
    public ProjectView create(@RequestBody ProjectForm form) {
        return service.create(form, Caller.current().scope());
    }

    @PutMapping("/{id}")
    @Operation(summary = "修改草稿目标表（整体替换，保存后重新校验）")
    public ProjectView update(@PathVariable Long id, @RequestBody ProjectForm form) {
        return service.update(id, form, Caller.current().scope());
    }

    @PostMapping("/{id}/check")
    @Operation(summary = "校验修改中的目标表（不保存）：返回解析后的指标值和校验结果，页面边输入边检查")
    public ProjectView check(@PathVariable Long id, @RequestBody ProjectForm form) {
        return service.check(id, form, Caller.current().scope());
    }

    @GetMapping("/{id}/validation")
    @Operation(summary = "校验目标表")
    public ValidationView validation(@PathVariable Long id) {
        List<Finding> findings = service.validate(id, Caller.current().scope());
        return new ValidationView(id, count(findings, Severity.ERROR), count(findings, Severity.WARNING), findings);
    }

    private static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    public record ValidationView(Long projectId, long errors, long warnings, List<Finding> findings) {
    }

    public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
        static <T> PageView<T> of(Page<T> p) {
            return new PageView<>(p.getContent(), p.getNumber(), p.getSize(), p.getTotalElements(), p.getTotalPages());
        }
    }
}
