package org.openperf.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 指标值: an indicator's target as the table states it. The original text is always kept verbatim; the parsed
 * parts (operator, number, unit, deadline) are what validation, monitoring and scoring compute with.
 */
@Embeddable
public class TargetValue {

    @Column(name = "value_text", length = 2000)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_operator", length = 2)
    private Operator operator;

    @Column(name = "value_number", precision = 20, scale = 6)
    private BigDecimal number;

    /** Upper end of a range such as {@code 360-400人}; null otherwise. */
    @Column(name = "value_upper", precision = 20, scale = 6)
    private BigDecimal upperNumber;

    @Column(name = "value_unit", length = 100)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_kind", length = 20)
    private ValueKind kind;

    /** For {@link ValueKind#DEADLINE}: the last day the target may be met, in the project's fiscal year. */
    @Column(name = "value_deadline")
    private LocalDate deadline;

    protected TargetValue() {
    }

    public TargetValue(String text, Operator operator, BigDecimal number, BigDecimal upperNumber, String unit,
                       ValueKind kind, LocalDate deadline) {
        this.text = text;
        this.operator = operator;
        this.number = number;
        this.upperNumber = upperNumber;
        this.unit = unit;
        this.kind = kind;
        this.deadline = deadline;
    }

    public static TargetValue qualitative(String text) {
        return new TargetValue(text, null, null, null, null, ValueKind.QUALITATIVE, null);
    }

    public String getText() {
        return text;
    }

    public Operator getOperator() {
        return operator;
    }

    public BigDecimal getNumber() {
        return number;
    }

    public BigDecimal getUpperNumber() {
        return upperNumber;
    }

    public String getUnit() {
        return unit;
    }

    public ValueKind getKind() {
        return kind;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public boolean isQuantitative() {
        return kind == ValueKind.QUANTITATIVE;
    }

    public boolean isPercent() {
        return unit != null && (unit.equals("%") || unit.equals("％") || unit.equals("百分比"));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TargetValue v)) {
            return false;
        }
        return Objects.equals(text, v.text) && operator == v.operator
                && (number == null ? v.number == null : v.number != null && number.compareTo(v.number) == 0)
                && (upperNumber == null ? v.upperNumber == null
                        : v.upperNumber != null && upperNumber.compareTo(v.upperNumber) == 0)
                && Objects.equals(unit, v.unit) && kind == v.kind && Objects.equals(deadline, v.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, operator, unit, kind, deadline);
    }

    @Override
    public String toString() {
        return text;
    }
}
