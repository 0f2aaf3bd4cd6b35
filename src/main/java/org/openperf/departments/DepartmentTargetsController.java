package org.openperf.departments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openperf.kernel.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/department-targets")
@Tag(name = "部门整体绩效目标")
public class DepartmentTargetsController {

    private final DepartmentTargets targets;

    public DepartmentTargetsController(DepartmentTargets targets) {
        this.targets = targets;
    }

    @GetMapping
    @Operation(summary = "部门整体绩效目标列表（可按预算年度 year、主管部门编码 department 筛选）：财政看全部，主管部门看本部门，"
            + "预算单位看本部门已批复的")
    public List<DepartmentTargetView.Summary> list(@RequestParam(required = false) Integer year,
                                                   @RequestParam(required = false) String department) {
        return targets.list(year, department, Caller.current());
    }

    @GetMapping("/{id}")
    @Operation(summary = "一张部门整体绩效目标：总体目标、分项目标、活动及其指标（bands 按 优、良、中、差）和校验结果")
    public DepartmentTargetView get(@PathVariable Long id) {
        return targets.get(id, Caller.current());
    }
}
