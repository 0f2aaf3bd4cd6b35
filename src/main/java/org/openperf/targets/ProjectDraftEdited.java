package org.openperf.targets;

/** Published when a draft's table is replaced by an edit, inside the storing transaction. */
public record ProjectDraftEdited(Long projectId) {
}
