package org.openperf.imports;

import java.util.List;
import org.openperf.departments.DepartmentTargetTable;

/**
 * A department table (部门整体绩效目标) read from a file, not stored: the table without its department, and where its
 * rows are in the file.
 *
 * @param indicatorRefs the place of each indicator, in the order of {@link DepartmentTargetTable#allIndicators()}
 * @param activityRefs  the place of each activity's first row
 */
public record DepartmentTableRead(DepartmentTargetTable table, SourceRef where, List<SourceRef> indicatorRefs,
                                  List<SourceRef> activityRefs) {

    public int indicatorCount() {
        return indicatorRefs.size();
    }
}
