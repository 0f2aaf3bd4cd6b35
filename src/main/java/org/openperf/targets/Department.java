package org.openperf.targets;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 主管部门: reviews the tables of the units under it. Some documents give only its name, no code. */
@Entity
@Table(name = "department")
public class Department extends Organisation {

    protected Department() {
    }

    public Department(String code, String name) {
        super(code, name);
    }
}
