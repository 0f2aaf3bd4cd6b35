package org.openperf.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One row of the target table: 一级 · 二级 · 三级 indicator with its description and target value. */
@Entity
@Table(name = "indicator")
public class Indicator {

    @Id
    // From a sequence in blocks of 50, so that an import's inserts go to the database in batches (V12).
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "indicator_seq")
    @SequenceGenerator(name = "indicator_seq", sequenceName = "indicator_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "project_id")
    private Project project;

    @Embedded
    private IndicatorPlace place = new IndicatorPlace(0, null, null);

    @Column(length = 500)
    private String name;

    /** The name as the indicator library and last year's match compare it (V43); kept with the name. */
    @Column(name = "name_key", length = 500)
    private String nameKey;

    @Column(length = 2000)
    private String description;

    @Embedded
    private TargetValue value;

    @Column(length = 2000)
    private String basis;

    @Column(precision = 9, scale = 4)
    private BigDecimal weight;

    @Embedded
    private GradeBands bands;

    protected Indicator() {
    }

    public Indicator(String level1, String level2, String name, String description, TargetValue value) {
        this.place = new IndicatorPlace(0, level1, level2);
        this.name = name;
        this.description = description;
        this.value = value;
    }

    public Long getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    void setProject(Project project) {
        this.project = project;
    }

    public IndicatorPlace getPlace() {
        return place;
    }

    public int getPosition() {
        return place.position();
    }

    void setPosition(int position) {
        this.place = place.at(position);
    }

    public String getLevel1() {
        return place.level1();
    }

    public void setLevel1(String level1) {
        this.place = place.withLevels(level1, place.level2());
    }

    public String getLevel2() {
        return place.level2();
    }

    public void setLevel2(String level2) {
        this.place = place.withLevels(place.level1(), level2);
    }

    public String getName() {
        return name;
    }

    @jakarta.persistence.PrePersist
    @jakarta.persistence.PreUpdate
    void keepNameKey() {
        nameKey = ProjectNames.normalise(name);
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public TargetValue getValue() {
        return value;
    }

    public void setValue(TargetValue value) {
        this.value = value;
    }

    public String getBasis() {
        return basis;
    }

    public void setBasis(String basis) {
        this.basis = basis;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public void setWeight(BigDecimal weight) {
        this.weight = weight;
    }

    public GradeBands getBands() {
        return bands == null || bands.isEmpty() ? null : bands;
    }

    public void setBands(GradeBands bands) {
        this.bands = bands;
    }
}
