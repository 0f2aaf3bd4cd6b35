package org.openperf.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.openperf.imports.ImportResult;
import org.openperf.imports.ImportService;
import org.openperf.targets.Department;
import org.openperf.targets.DepartmentRepository;
import org.openperf.kernel.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only (after {@link DemoUsers}): the Qingdao (2024) and Tianjin (2025) target tables
 * as draft projects, so every screen has something real on it. Safe to run on every start and on several nodes:
 * what exists is kept, and a fixture already imported is not imported again (the import's unique file index).
 */
@Component
@ConditionalOnProperty(name = "perf.demo.load-fixtures", havingValue = "true")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    record Fixture(String resource, int year) {
    }

    static final List<Fixture> FIXTURES = List.of(
            new Fixture("demo/qingdao-2024-targets.xlsx", 2024),
            new Fixture("demo/tianjin-2025-targets.docx", 2025));

    private final DepartmentRepository departments;
    private final ImportService imports;
    private final TransactionTemplate tx;
    private final ObjectProvider<DemoMonitoring> monitoring;
    private final ObjectProvider<DemoTwoYears> twoYears;

    public DemoData(DemoUsers users, DepartmentRepository departments, ImportService imports,
                    TransactionTemplate tx, ObjectProvider<DemoMonitoring> monitoring,
                    ObjectProvider<DemoTwoYears> twoYears) {
        this.departments = departments;
        this.imports = imports;
        this.tx = tx;
        this.monitoring = monitoring;
        this.twoYears = twoYears;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        tx.executeWithoutResult(s -> {
            department("402", "青岛市人力资源和社会保障局");
            department("353", "天津市人力资源和社会保障局");
        });
        for (Fixture f : FIXTURES) {
            load(f);
        }
        // Approved tables with spending, for the monitoring dashboard (perf.demo.monitoring).
        monitoring.ifAvailable(DemoMonitoring::run);
        // Qingdao 2024 approved, self-evaluated and published, and its 2025 drafts (perf.demo.two-years).
        twoYears.ifAvailable(DemoTwoYears::run);
    }

    private void department(String code, String name) {
        if (departments.findByCode(code).isEmpty()) {
            departments.save(new Department(code, name));
        }
    }

    private void load(Fixture f) throws IOException {
        ClassPathResource resource = new ClassPathResource(f.resource());
        byte[] content;
        try (InputStream in = resource.getInputStream()) {
            content = in.readAllBytes();
        }
        ImportResult r = imports.importFile(content, resource.getFilename(), f.year(), false, null, "demo",
                Scope.ALL);
        log.info("Demo data: {} → {} target tables, {} indicators{}", resource.getFilename(), r.tableCount(),
                r.indicatorCount(), r.duplicateOf() == null ? "" : " (already loaded)");
    }
}
