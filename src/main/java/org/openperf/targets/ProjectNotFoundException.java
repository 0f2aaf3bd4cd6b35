package org.openperf.targets;

/** A project id that does not exist (or, once scoping is on, is not the caller's to see). */
public class ProjectNotFoundException extends RuntimeException {

    public ProjectNotFoundException(Long id) {
        super("项目 " + id + " 不存在");
    }
}
