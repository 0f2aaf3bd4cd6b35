package org.openperf.targets;

/** Where a project's target table stands in its lifecycle. */
public enum ProjectStatus {
    /** 编制中: being drafted or revised by the unit. */
    DRAFT("编制中"),
    /** 调整中: an approved table being changed (目标调整); the approved versions stay as they were. */
    ADJUSTING("调整中"),
    /** 审核中: submitted, with the department or finance. */
    IN_REVIEW("审核中"),
    /** 已批复: approved with the budget, frozen as a version. */
    APPROVED("已批复");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    /** The word users see (pages, messages). */
    public String label() {
        return label;
    }
}
