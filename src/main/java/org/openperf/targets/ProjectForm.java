package org.openperf.targets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * A target table as a client sends it to create or replace a draft. The value of an indicator may be sent as
 * its text ({@code "≥93%"}) or as an object with {@code text}: the server always parses the text itself.
 */
public record ProjectForm(Integer year, String code, String name, UnitInput unit, String category,
                          BigDecimal budget, BigDecimal fiscalFunds, BigDecimal otherFunds, String budgetNote,
                          String purpose, String goal, List<ProjectView.PlanRow> spendingPlan,
                          List<IndicatorInput> indicators) {

    public record UnitInput(String code, String name) {
    }

    public record IndicatorInput(String level1, String level2, String name, String description, ValueInput value,
                                 String basis, BigDecimal weight, ProjectView.BandsView bands) {
    }

    public record ValueInput(String text) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static ValueInput ofText(String text) {
            return new ValueInput(text);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static ValueInput ofObject(@JsonProperty("text") String text) {
            return new ValueInput(text);
        }
    }
}
