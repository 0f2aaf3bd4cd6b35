package org.openperf.targets;

/** Only drafts may be changed: a table under review or approved is frozen. */
public class ProjectNotEditableException extends RuntimeException {

    public ProjectNotEditableException(Project p) {
        super("项目“" + p.getName() + "”当前状态为" + describe(p.getStatus()) + "，只有编制中的目标表可以修改");
    }

    private static String describe(ProjectStatus s) {
        return switch (s) {
            case DRAFT -> "编制中";
            case ADJUSTING -> "调整中";
            case IN_REVIEW -> "审核中";
            case APPROVED -> "已批复";
        };
    }
}
