package org.openperf.files;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PreparedFileRepository extends JpaRepository<PreparedFile, Long> {

    /** The user's files still being prepared (not yet cut off by a stopped node). */
    @Query("select count(f) from PreparedFile f where f.requestedBy = :user and f.status = :running"
            + " and f.updatedAt >= :since")
    long countRunning(@Param("user") String user, @Param("running") PreparedFile.Status running,
                      @Param("since") Instant since);

    @Modifying
    @Query("delete from PreparedFile f where f.requestedAt < :before")
    int deleteRequestedBefore(@Param("before") Instant before);
}
