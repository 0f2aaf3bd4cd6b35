package org.openperf.departments;

import org.openperf.kernel.NotFoundException;

/** A department table that does not exist, or is not the caller's to see: both answer alike (404). */
public class DepartmentTargetNotFoundException extends NotFoundException {

    public DepartmentTargetNotFoundException(Long id) {
        super("部门整体绩效目标 " + id + " 不存在");
    }
}
