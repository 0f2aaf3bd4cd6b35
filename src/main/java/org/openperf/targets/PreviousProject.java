package org.openperf.targets;

import java.time.Instant;

/**
 * Last year's project a project is linked to (issue 19), and how: by 项目编码, by unit and normalised name, or by
 * hand ({@code linkedBy}, {@code linkedAt} set only then).
 */
public record PreviousProject(Long id, int year, String name, String code, How how, String linkedBy,
                              Instant linkedAt) {

    /** 按项目编码, 按单位和名称, 手工关联. */
    public enum How { CODE, NAME, HAND }
}
