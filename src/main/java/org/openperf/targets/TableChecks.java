package org.openperf.targets;

import java.util.List;
import org.openperf.kernel.Finding;

/**
 * What the reviewer's checks find in a table. The validation package implements it, so that targets, below it,
 * shows findings without depending on it (docs/architecture.md).
 */
public interface TableChecks {

    List<Finding> validate(Project p);
}
