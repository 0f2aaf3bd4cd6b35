package org.openperf.targets;

/**
 * Published when an imported table is stored as already approved on paper (补录已批复目标), inside the storing
 * transaction, instead of {@link ProjectDraftCreated}: it becomes approved version 1 and its lifecycle starts where
 * an approved table's does.
 *
 * @param importer  who imported it as approved (finance or an administrator)
 * @param importId  the import batch, whose file is the evidence of the approval
 * @param fileName  that file's name, for the history
 * @param errors    validation ERRORs the table has (recorded, not blocking: the approval was given on paper)
 * @param warnings  validation WARNINGs the table has
 */
public record ProjectImportedApproved(Long projectId, String importer, Long importId, String fileName, long errors,
                                      long warnings) {
}
