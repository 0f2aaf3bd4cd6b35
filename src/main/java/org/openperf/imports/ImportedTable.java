package org.openperf.imports;

import java.util.List;
import org.openperf.targets.Project;

/**
 * One target table found in a file, before it is stored: the project (with its indicators, no unit yet) and how
 * the file names its unit. {@code indicatorRefs.get(i)} is the row of indicator i, for the error report.
 */
public record ImportedTable(String title, String unitCode, String unitName, String departmentName,
                            Project project, SourceRef where, List<SourceRef> indicatorRefs) {
}
