package org.openperf.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Optional 优/良/中/差 grading bands of an indicator, each as its value text (e.g. 100% · ≥90% · ≥80% · <80%). */
@Embeddable
public class GradeBands {

    @Column(name = "band_excellent", length = 200)
    private String excellent;

    @Column(name = "band_good", length = 200)
    private String good;

    @Column(name = "band_fair", length = 200)
    private String fair;

    @Column(name = "band_poor", length = 200)
    private String poor;

    protected GradeBands() {
    }

    public GradeBands(String excellent, String good, String fair, String poor) {
        this.excellent = excellent;
        this.good = good;
        this.fair = fair;
        this.poor = poor;
    }

    public String getExcellent() {
        return excellent;
    }

    public String getGood() {
        return good;
    }

    public String getFair() {
        return fair;
    }

    public String getPoor() {
        return poor;
    }

    public boolean isEmpty() {
        return excellent == null && good == null && fair == null && poor == null;
    }
}
