package org.openperf.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.openperf.kernel.DeliveryProgress;

/**
 * 监控轮次: finance asks every approved project of a year for its 监控表 on January to the cutoff month
 * (1–7月 is cutoff 7, read at the end of 31 July). One round per year and cutoff.
 */
@Entity
@Table(name = "monitoring_round")
public class MonitoringRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "fiscal_year", nullable = false)
    private int year;

    @Column(name = "cutoff_month", nullable = false)
    private int cutoffMonth;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "opened_by", length = 100)
    private String openedBy;

    /** How many approved tables the round asks: fixed when it is opened. */
    @Column(nullable = false)
    private int projects;

    @Embedded
    private DeliveryProgress delivery = new DeliveryProgress();

    protected MonitoringRound() {
    }

    MonitoringRound(int year, int cutoffMonth, String openedBy) {
        this.year = year;
        this.cutoffMonth = cutoffMonth;
        this.openedBy = openedBy;
        this.openedAt = Instant.now();
    }

    void asks(int projects) {
        this.projects = projects;
    }


    public Long getId() {
        return id;
    }

    public int getYear() {
        return year;
    }

    public int getCutoffMonth() {
        return cutoffMonth;
    }

    /** 1–7月. */
    public String label() {
        return "1–" + cutoffMonth + "月";
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public int getProjects() {
        return projects;
    }

    public DeliveryProgress getDelivery() {
        return delivery;
    }
}
