package org.openperf.targets;

import java.math.BigDecimal;

/** One row of the project list. */
public record ProjectSummary(Long id, int year, String code, String name, ProjectView.UnitRef unit,
                             ProjectView.UnitRef department, BigDecimal budget, BigDecimal fiscalFunds,
                             BigDecimal otherFunds, int indicatorCount, String status, int version) {

    public static ProjectSummary of(Project p) {
        Unit u = p.getUnit();
        return new ProjectSummary(p.getId(), p.getYear(), p.getCode(), p.getName(),
                u == null ? null : new ProjectView.UnitRef(u.getCode(), u.getName()),
                u == null ? null : new ProjectView.UnitRef(u.getDepartment().getCode(), u.getDepartment().getName()),
                ProjectView.amount(p.getBudget()), ProjectView.amount(p.getFiscalFunds()),
                ProjectView.amount(p.getOtherFunds()), p.getIndicators().size(), p.getStatus().name(),
                p.getVersion());
    }
}
