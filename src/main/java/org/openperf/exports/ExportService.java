package org.openperf.exports;

import java.util.Comparator;
import java.util.List;
import org.openperf.kernel.Download;
import org.openperf.targets.Project;
import org.openperf.kernel.Scope;
import org.openperf.targets.ProjectService;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Target tables out again, in the layouts users hold: A (xlsx, one sheet per unit) and B (docx). */
@Service
public class ExportService {

    public enum Format {
        XLSX, DOCX;

        public static Format of(String s) {
            if (s == null) {
                return XLSX;
            }
            return switch (s.toLowerCase()) {
                case "xlsx" -> XLSX;
                case "docx" -> DOCX;
                default -> throw new IllegalArgumentException("导出格式 format 必须为 xlsx 或 docx");
            };
        }

        public String extension() {
            return name().toLowerCase();
        }

        public MediaType mediaType() {
            return this == DOCX ? Download.DOCX : Download.XLSX;
        }
    }

    private final ProjectService projectService;
    private final TargetTableWorkbookWriter workbook;
    private final TargetTableDocumentWriter document;
    private final TemplateWriter template;

    public ExportService(ProjectService projectService, TargetTableWorkbookWriter workbook, TargetTableDocumentWriter document,
                         TemplateWriter template) {
        this.projectService = projectService;
        this.workbook = workbook;
        this.document = document;
        this.template = template;
    }

    @Transactional(readOnly = true)
    public byte[] project(Long id, Format format, Scope scope) {
        return write(List.of(projectService.table(id, scope)), format);
    }

    /** Many tables in one file, grouped by unit as the published documents are. */
    @Transactional(readOnly = true)
    public byte[] projects(Integer year, String unitCode, Format format, Scope scope) {
        List<Project> list = projectService.tables(year, unitCode, scope).stream()
                .sorted(Comparator.comparing((Project p) -> p.getUnit() == null || p.getUnit().getCode() == null
                        ? "" : p.getUnit().getCode()).thenComparing(Project::getId))
                .toList();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("没有符合条件的项目可导出");
        }
        return write(list, format);
    }

    public byte[] template() {
        return Download.bytes(template::write);
    }

    private byte[] write(List<Project> list, Format format) {
        return Download.bytes(out -> {
            if (format == Format.DOCX) {
                document.write(list, out);
            } else {
                workbook.write(list, out);
            }
        });
    }
}
