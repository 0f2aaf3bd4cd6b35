package org.openperf.targets;

/** Published when a draft project is stored (created or imported), inside the storing transaction. */
public record ProjectDraftCreated(Long projectId) {
}
