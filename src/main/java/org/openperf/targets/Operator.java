package org.openperf.targets;

/** The comparison a target value states. A value written without an operator means {@link #EQ}. */
public enum Operator {
    GE("≥"), LE("≤"), EQ("="), GT(">"), LT("<");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Operator fromSymbol(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim()) {
            case "≥", ">=", "＞＝", "≧" -> GE;
            case "≤", "<=", "＜＝", "≦" -> LE;
            case "=", "＝" -> EQ;
            case ">", "＞" -> GT;
            case "<", "＜" -> LT;
            default -> null;
        };
    }

    /** Whether more is better (≥, >): used by validation and scoring. */
    public boolean isLowerBound() {
        return this == GE || this == GT;
    }

    public boolean isUpperBound() {
        return this == LE || this == LT;
    }
}
