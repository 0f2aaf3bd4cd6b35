package org.openperf.imports;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ImportBatchRepository extends JpaRepository<ImportBatch, Long> {

    Optional<ImportBatch> findFirstBySha256AndYear(String sha256, int year);
}
