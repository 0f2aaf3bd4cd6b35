package org.openperf.files;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PreparedFileRepository extends JpaRepository<PreparedFile, Long> {

    @Modifying
    @Query("delete from PreparedFile f where f.requestedAt < :before")
    int deleteRequestedBefore(@Param("before") Instant before);
}
