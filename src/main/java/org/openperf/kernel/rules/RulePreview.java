package org.openperf.kernel.rules;

import java.util.List;

/**
 * What a new version of one table would change, before it is deployed (the rules page): the feature that owns the
 * results re-decides them with the candidate table, which is parsed outside the engine and records nothing.
 */
public interface RulePreview {

    /** The table it previews ({@code Decision_Grade}). */
    String key();

    /** What is re-decided, for the page: {@code 2025 年度已公开的自评，按新表重新定级}. */
    String scope(int year);

    /** The results of {@code year} the candidate decides otherwise than they stand. */
    List<RuleChange> changes(Decision candidate, int year);
}
