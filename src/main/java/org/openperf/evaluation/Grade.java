package org.openperf.evaluation;

/** 绩效等级: the grade of a self-evaluation's total, and the grading bands of a single indicator. */
public enum Grade {
    EXCELLENT("优"), GOOD("良"), FAIR("中"), POOR("差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Grade fromLabel(String label) {
        for (Grade g : values()) {
            if (g.label.equals(label == null ? null : label.strip())) {
                return g;
            }
        }
        throw new IllegalArgumentException("不是绩效等级：" + label);
    }
}
