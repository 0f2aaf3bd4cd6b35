package org.openperf.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where an indicator stands in its table: its index and its 一级 and 二级. An indicator of a target table has one,
 * and so has each line of a 监控表, which keeps the indicator's place as it was when the report was made.
 */
@Embeddable
public class IndicatorPlace {

    @Column(nullable = false)
    private int position;

    @Column(length = 50)
    private String level1;

    @Column(length = 50)
    private String level2;

    protected IndicatorPlace() {
    }

    public IndicatorPlace(int position, String level1, String level2) {
        this.position = position;
        this.level1 = level1;
        this.level2 = level2;
    }

    public int position() {
        return position;
    }

    public String level1() {
        return level1;
    }

    public String level2() {
        return level2;
    }

    IndicatorPlace at(int newPosition) {
        return new IndicatorPlace(newPosition, level1, level2);
    }

    IndicatorPlace withLevels(String newLevel1, String newLevel2) {
        return new IndicatorPlace(position, newLevel1, newLevel2);
    }
}
