package org.openperf.validation;

import java.util.List;
import java.util.Optional;
import org.openperf.targets.Project;

/**
 * Where validation learns last year's results of the project a table continues. Evaluation implements it (it sits
 * above validation: docs/architecture.md); without an implementation there are no year-over-year findings.
 */
public interface LastYearSource {

    /** The final results of the project of year N-1 this (stored or unsaved) table continues, or empty. */
    Optional<LastYear> of(Project project);

    /** The same for each of a batch of tables (an import), in their order; implementations read them at once. */
    default List<Optional<LastYear>> ofAll(List<Project> projects) {
        return projects.stream().map(this::of).toList();
    }
}
