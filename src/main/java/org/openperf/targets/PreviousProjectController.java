package org.openperf.targets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openperf.kernel.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 上年项目: which project of last year a project continues (docs/year-over-year.md). */
@RestController
@RequestMapping("/api/projects/{id}/previous")
@Tag(name = "项目与目标表")
public class PreviousProjectController {

    private final PreviousProjects previous;

    public PreviousProjectController(PreviousProjects previous) {
        this.previous = previous;
    }

    /** {@code previousId} null: explicitly no project of last year. */
    public record LinkForm(Long previousId) {
    }

    @GetMapping
    @Operation(summary = "上年项目（按项目编码、单位和名称自动关联，或手工关联）")
    public PreviousProjects.LinkView get(@PathVariable Long id) {
        return previous.view(id, Caller.current());
    }

    /** {@code previousName} null or blank: match this indicator by its name again. */
    public record IndicatorLinkForm(String name, String previousName) {
    }

    @PutMapping("/indicators")
    @Operation(summary = "手工关联指标：今年的三级指标 name 对应上年项目的三级指标 previousName（为空：取消，按名称匹配）")
    public PreviousProjects.LinkView linkIndicator(@PathVariable Long id, @RequestBody IndicatorLinkForm form) {
        if (form == null) {
            throw new org.openperf.kernel.InvalidInputException("请提供 name（今年的三级指标）和 previousName（上年的三级指标）");
        }
        return previous.linkIndicator(id, form.name(), form.previousName(), Caller.current());
    }

    @PutMapping
    @Operation(summary = "手工关联上年项目（previousId 为 null：没有上年项目）")
    public PreviousProjects.LinkView link(@PathVariable Long id, @RequestBody LinkForm form) {
        return previous.link(id, form == null ? null : form.previousId(), Caller.current());
    }
}
