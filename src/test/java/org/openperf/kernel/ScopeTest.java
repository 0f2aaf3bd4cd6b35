package org.openperf.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void financeWithinADepartmentSeesThatDepartmentOnly() {
        Scope s = Scope.ALL.withinDepartment(" 402 ");

        assertThat(s.all()).isFalse();
        assertThat(s.covers(null, "402")).isTrue();
        assertThat(s.covers("353101", "353")).isFalse();
    }

    @Test
    void aReviewerWithinAnotherDepartmentSeesNothingOfTheirOwn() {
        Scope reviewer = new Scope(false, List.of(), List.of("402"));

        assertThat(reviewer.withinDepartment("402").covers(null, "402")).isTrue();
        Scope other = reviewer.withinDepartment("353");
        assertThat(other.covers(null, "402")).isFalse();
        assertThat(other.covers(null, "353")).isFalse();
    }

    @Test
    void aPreparerKeepsTheirUnitsAndGainsNothing() {
        Scope preparer = new Scope(false, List.of("402001"), List.of());

        Scope narrowed = preparer.withinDepartment("402");
        assertThat(narrowed.covers("402001", "402")).isTrue();
        assertThat(narrowed.covers("402004", "402")).isFalse();
    }

    @Test
    void noDepartmentLeavesTheScopeAsItWas() {
        assertThat(Scope.ALL.withinDepartment(null)).isSameAs(Scope.ALL);
        assertThat(Scope.ALL.withinDepartment(" ")).isSameAs(Scope.ALL);
    }
}
