package org.openperf.targets;

/**
 * Published when a draft project is stored (created or imported), inside the storing transaction.
 *
 * @param oneOfMany the draft is one of many the transaction stores (an import): what follows from it may be done
 *                  together with the others' before the transaction commits, not necessarily at once
 */
public record ProjectDraftCreated(Long projectId, boolean oneOfMany) {

    /** A draft stored on its own: what follows from it is done at once. */
    public ProjectDraftCreated(Long projectId) {
        this(projectId, false);
    }
}
