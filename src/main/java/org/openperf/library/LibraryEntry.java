package org.openperf.library;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One entry of the indicator library: a normalised 三级 name (with the names merged into it) and what the approved
 * tables the caller may see did with it. {@code operator} is the symbol (≥ …) used most; {@code met} of
 * {@code evaluated} counts indicators of published self-evaluations that scored full marks.
 */
public record LibraryEntry(String key, String name, String level1, String level2, int tables,
                           Map<Integer, Integer> years, String operator, String unit, BigDecimal min,
                           BigDecimal max, int evaluated, int met, boolean recommended, List<Merge> merged) {

    /** An entry merged into this one, by whom and when (Beijing time, as shown everywhere). */
    public record Merge(String key, String by, String at) {
    }
}
