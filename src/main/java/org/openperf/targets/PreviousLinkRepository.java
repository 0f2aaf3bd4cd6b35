package org.openperf.targets;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PreviousLinkRepository extends JpaRepository<PreviousLink, Long> {
}
