package org.openperf.imports;

import java.util.Optional;
import org.openperf.targets.Project;
import org.openperf.targets.ProjectService;
import org.openperf.kernel.DisplayTimes;
import org.openperf.kernel.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The file a table was imported from as approved (补录已批复目标): the evidence of its paper approval, kept in the
 * database with its batch, for everyone who may see the project.
 */
@Service
public class ApprovalEvidence {

    private final ProjectService projects;
    private final ImportBatchRepository batches;

    private final DisplayTimes times;

    public ApprovalEvidence(ProjectService projects, ImportBatchRepository batches, DisplayTimes times) {
        this.times = times;
        this.projects = projects;
        this.batches = batches;
    }

    /** Empty when the project was not imported as approved; not found when it is not the caller's to see. */
    @Transactional(readOnly = true)
    public Optional<File> of(Long projectId, Scope scope, boolean withContent) {
        Project p = projects.table(projectId, scope);
        if (p.getImportId() == null) {
            return Optional.empty();
        }
        return batches.findById(p.getImportId()).filter(ImportBatch::isApproved)
                .map(b -> new File(b.getId(), b.getFileName(), b.getCreatedBy(), times.text(b.getCreatedAt()), withContent ? b.getContent() : null));
    }

    public record File(Long importId, String fileName, String importedBy, String importedAt, byte[] content) {
    }
}
