package org.openperf.targets;

import java.util.Optional;
import org.openperf.kernel.InvalidInputException;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentRepository extends JpaRepository<Department, Long> {

    Optional<Department> findByCode(String code);

    Optional<Department> findFirstByName(String name);

    /**
     * The department of this code, asked for by a caller: a code that names none is their mistake (400). Static, not
     * a repository method: the repository's proxy would turn the 400 into a data access error.
     */
    static Department existing(DepartmentRepository departments, String code) {
        return departments.findByCode(code)
                .orElseThrow(() -> new InvalidInputException("主管部门编码 " + code + " 不存在"));
    }
}
