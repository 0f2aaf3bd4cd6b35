package org.openperf.targets;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** 预算单位: a six-digit code whose first three digits are its department's, or (in some documents) only a name. */
@Entity
@Table(name = "unit")
public class Unit extends Organisation {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "department_id")
    private Department department;

    protected Unit() {
    }

    public Unit(String code, String name, Department department) {
        super(code, name);
        this.department = department;
    }

    public Department getDepartment() {
        return department;
    }
}
