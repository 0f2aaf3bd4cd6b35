package org.openperf;

import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.targets.Unit;
import org.openperf.targets.UnitRepository;

/** The Qingdao department and two of its units, as the demo users' groups name them (idempotent). */
public final class TestUnits {

    private TestUnits() {
    }

    public static void ensureQingdao(DepartmentRepository departments, UnitRepository units) {
        Department d = departments.findByCode("402")
                .orElseGet(() -> departments.save(new Department("402", "青岛市人力资源和社会保障局")));
        if (units.findByCode("402001").isEmpty()) {
            units.save(new Unit("402001", "青岛市人力资源和社会保障局本级", d));
        }
        if (units.findByCode("402004").isEmpty()) {
            units.save(new Unit("402004", "青岛市公共就业和人才服务中心", d));
        }
    }
}
