package org.openperf.targets;

/**
 * Last year's project a project is linked to (issue 19), and how: by 项目编码, by unit and normalised name, or by
 * hand (who and when: {@link PreviousProjects.LinkView}).
 */
public record PreviousProject(Long id, int year, String name, String code, How how) {

    /** 按项目编码, 按单位和名称, 手工关联. */
    public enum How { CODE, NAME, HAND }
}
