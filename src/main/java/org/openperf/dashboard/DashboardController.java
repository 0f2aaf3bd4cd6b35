package org.openperf.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openperf.kernel.Caller;
import org.openperf.kernel.Download;
import org.openperf.files.PreparedFileController;
import org.openperf.files.PreparedFiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "绩效运行监控看板")
public class DashboardController {

    /** The page: static HTML whose script fetches {@code /api/monitoring} with the browser's login. */
    private final MonitoringDashboard dashboard;
    private final MonitoringExports exports;
    private final DepartmentTablesOverview departmentTables;

    private final PreparedFiles files;

    public DashboardController(MonitoringDashboard dashboard, MonitoringExports exports,
                               DepartmentTablesOverview departmentTables, PreparedFiles files) {
        this.files = files;
        this.departmentTables = departmentTables;
        this.dashboard = dashboard;
        this.exports = exports;
    }

    @GetMapping("/api/monitoring")
    @Operation(summary = "监控概览：各部门红黄绿蓝灯项目数、计划与实际累计执行进度（一个项目或部门合计）、红灯项目及偏差原因")
    public MonitoringOverview overview(@RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) String department,
                                       @RequestParam(required = false) Long project) {
        return dashboard.overview(year, department, project, Caller.current().scope());
    }

    @GetMapping("/api/monitoring/projects")
    @Operation(summary = "监控项目查询：某年度已批复项目的当前亮灯，按名称或编码（q）、灯色（light：RED、YELLOW、GREEN、BLUE、"
            + "NONE 未监控）筛选，分页（page 从 0 起，size 至多 200）")
    public ProjectPage projects(@RequestParam int year, @RequestParam(required = false) String department,
                                @RequestParam(required = false) String q,
                                @RequestParam(required = false) String light,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        return dashboard.projects(year, department, q, light, page, size, Caller.current().scope());
    }

    @GetMapping("/api/monitoring/department-tables")
    @Operation(summary = "部门整体绩效目标：已批复的部门整体目标按最近监控表亮灯、按自评等级计数，及每个部门的亮灯与自评结果")
    public DepartmentTablesOverview.Overview departmentTables(@RequestParam int year,
                                                              @RequestParam(required = false) String department) {
        return departmentTables.of(year, department, Caller.current());
    }

    @GetMapping("/api/projects/{id}/monitoring/export.xlsx")
    @Operation(summary = "导出项目的绩效目标执行监控表（xlsx），month 为截至月份（默认最新执行数所在月）")
    public ResponseEntity<byte[]> projectTable(@PathVariable Long id, @RequestParam(required = false) Integer month) {
        return xlsx(exports.project(id, month, Caller.current().scope()), "监控表-" + id);
    }

    @GetMapping("/api/monitoring/export.xlsx")
    @Operation(summary = "导出部门的绩效目标执行监控表（xlsx）：监控汇总及每个项目的监控表")
    public ResponseEntity<byte[]> departmentTables(@RequestParam int year,
                                                   @RequestParam(required = false) String department,
                                                   @RequestParam(required = false) Integer month) {
        return xlsx(exports.department(year, department, month, Caller.current()),
                "监控表-" + year + (department == null || department.isBlank() ? "" : "-" + department.trim()));
    }

    @PostMapping("/api/monitoring/export-files")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "后台生成部门的绩效目标执行监控表（xlsx）：立即返回文件号，用 GET /api/files/{id} 查询，生成后下载 content")
    public PreparedFileController.FileView departmentFile(@RequestParam int year,
                                                          @RequestParam(required = false) String department,
                                                          @RequestParam(required = false) Integer month) {
        return PreparedFileController.FileView.of(exports.departmentFile(year, department, month, Caller.current()),
                files);
    }

    private static ResponseEntity<byte[]> xlsx(byte[] body, String name) {
        return Download.attachment(body, name + ".xlsx", Download.XLSX);
    }
}
