package org.openperf.departments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.openperf.kernel.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/department-targets")
@Tag(name = "部门整体绩效目标")
public class DepartmentTargetsController {

    private final DepartmentTargets targets;
    private final DepartmentTargetEditor editor;

    public DepartmentTargetsController(DepartmentTargets targets, DepartmentTargetEditor editor) {
        this.targets = targets;
        this.editor = editor;
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

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "为主管部门（department，部门编码；只管一个部门时可省略）和预算年度（year）新建一张空白的部门整体绩效目标草稿："
            + "本部门或财政可建，已有则 409")
    public DepartmentTargetView create(@RequestBody DepartmentTargetForm.NewTable form) {
        return editor.create(form, Caller.current());
    }

    @PutMapping("/{id}")
    @Operation(summary = "以请求中的整张表替换编制中的部门整体绩效目标（活动、指标按给出的顺序），须带读取时的 version；"
            + "只有本部门或财政可改，非编制中或已被他人修改时 409；返回保存后的表及校验结果")
    public DepartmentTargetView update(@PathVariable Long id, @RequestBody DepartmentTargetForm form) {
        return editor.update(id, form, Caller.current());
    }

    @PostMapping("/{id}/check")
    @Operation(summary = "校验修改后的部门整体绩效目标而不保存（编辑页面随输入调用）")
    public DepartmentTargetView check(@PathVariable Long id, @RequestBody DepartmentTargetForm form) {
        return editor.check(id, form, Caller.current());
    }
}
