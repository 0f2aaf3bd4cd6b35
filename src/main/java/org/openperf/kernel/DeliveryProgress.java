package org.openperf.kernel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * How far a round's delivery has come (docs/decisions/round-delivery.md): the lifecycles reached so far, then the
 * department tables reached and when the round was delivered. Part of a monitoring or self-evaluation round's row.
 */
@Embeddable
public class DeliveryProgress {

    /** How many lifecycles have got their task so far. */
    @Column(nullable = false)
    private int reached;

    /** The approved department tables it reached, once delivered. */
    @Column(name = "department_tables")
    private Integer departmentTables;

    /** Null while the round is being delivered. */
    @Column(name = "delivered_at")
    private Instant deliveredAt;

    public void reachedMore(int lifecycles) {
        reached += lifecycles;
    }

    public void delivered(int departmentTables, Instant at) {
        this.departmentTables = departmentTables;
        this.deliveredAt = at;
    }

    public int getReached() {
        return reached;
    }

    public Integer getDepartmentTables() {
        return departmentTables;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public boolean isDelivered() {
        return deliveredAt != null;
    }
}
