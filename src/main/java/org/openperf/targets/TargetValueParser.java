package org.openperf.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 指标值 as tables write it into a {@link TargetValue}. Never throws: what it cannot read as a number or a
 * date is qualitative, with the text kept verbatim.
 *
 * <p>The order of the attempts matters: a deadline is tried before a quantity (so that {@code ≤10 月 31 日} is not
 * read as 10 with the unit {@code 月31日}), and a deadline inside a sentence ({@code 分赛道举办赛事活动，11 月前组织完成})
 * is tried last, on the last clause only, so that a sentence which merely mentions a date stays qualitative.
 */
public final class TargetValueParser {

    // Compiled once: every target value of an import goes through normalize() and parse().
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACES_AND_COMMAS = Pattern.compile("[\\s,]");
    private static final Pattern GREATER_EQUAL = Pattern.compile(">\\s*=");
    private static final Pattern LESS_EQUAL = Pattern.compile("<\\s*=");
    private static final Pattern EQUAL_GREATER = Pattern.compile("=\\s*>");
    private static final Pattern EQUAL_LESS = Pattern.compile("=\\s*<");
    private static final Pattern TEXT_PREFIX = Pattern.compile("^文字描述\\s*[:：]\\s*");

    /**
     * Longer texts are sentences, never a value form: they are qualitative without running any pattern, which also
     * keeps a pasted megabyte cheap.
     */
    private static final int MAX_PARSED_LENGTH = 500;

    /** The value column is DECIMAL(20, 6): a number that cannot be stored exactly is not read as a number. */
    private static final int MAX_INTEGER_DIGITS = 14;
    private static final int MAX_FRACTION_DIGITS = 6;

    /** A unit is a short word such as 万元/个/年 or 天（工作日）; anything longer is a sentence. */
    private static final int MAX_UNIT_LENGTH = 12;

    // PDF-born tables put spaces inside numbers (1, 800. 00); a comma is a group separator only before three digits.
    private static final String NUMBER = "-?\\d+(?:\\s*,\\s*\\d{3})*(?:\\s*\\.\\s*\\d+)?";

    /** Words before the number that state the comparison; longer alternatives first. */
    private static final String OPERATOR_WORDS = "大于等于|大于或等于|小于等于|小于或等于|不低于|不少于|不小于|不得低于|不得少于"
            + "|至少|最少|不超过|不高于|不大于|不多于|不得超过|不得高于|最多|至多|大于|高于|超过|多于|小于|低于|少于";

    private static final Pattern QUANTITY = Pattern.compile(
            "^(?<op>[≥≤=><]|" + OPERATOR_WORDS + ")?\\s*(?<num>" + NUMBER + ")\\s*(?<unit>.*?)\\s*"
                    // 400人以上, 5个工作日以内; a trailing 完成 (12 个月执行完成) says nothing the unit needs
                    + "(?<suffix>及以上|以上|及以下|以下|以内|之内|内)?\\s*(?:执行|组织|办理)?(?:完成|办结)?$");

    /** 360-400人, 360 人-400 人: a range, read as ≥ lower with the upper kept. */
    private static final Pattern RANGE = Pattern.compile(
            "^(?<lo>" + NUMBER + ")\\s*(?<loUnit>[^\\d\\-~～—–至到]*?)\\s*(?:-|~|～|—|–|至|到)\\s*(?<hi>" + NUMBER
                    + ")\\s*(?<unit>.*?)\\s*$");

    /** 1e308, 2.5E+3: exponent notation never occurs in tables and could produce numbers no column can hold. */
    private static final Pattern EXPONENT = Pattern.compile("\\d\\s*[eE]\\s*[+-]?\\s*\\d");

    /** A year (2023) followed by 年 and a noun is a reference (≤2023 年合同额), not an amount. */
    private static final Pattern YEAR_REFERENCE_UNIT = Pattern.compile("^年.+");

    private static final String HAN_WORDS = "[\\p{IsHan}（）()]*";

    /** Deadlines are matched on the text with all whitespace removed (PDF text spaces out 10 月 31 日). */
    private static final String DEADLINE_OPERATOR = "(?<op>[≤<]|不晚于|不迟于|最迟|截至|截止)?(?:于|在)?";

    private static final Pattern DEADLINE_PREFIX = Pattern.compile("^" + DEADLINE_OPERATOR);

    private static final String YEAR = "(?:(?<y>\\d{4})年|(?<rel>当年|本年|今年|次年|明年|翌年))?";

    /**
     * 10月31日, 2025年12月31日, 10月底, 12月份, 次年1月; also 12.31日 / 12.31月日 as one Qingdao table writes dates
     * (two day digits only, so that ≤2.5 日 stays a number of days).
     */
    private static final Pattern DATE = Pattern.compile(
            "^" + YEAR + "(?:(?<m>\\d{1,2})月份?(?:(?<d>\\d{1,2})[日号]|(?<end>底|末))?"
                    + "|(?<m2>\\d{1,2})\\.(?<d2>\\d{2})(?:月日|日))"
                    + "(?<before>之前|以前|前)?(?<rest>" + HAN_WORDS + ")$");

    /** 2025-12-31, 2025/12/31, 2025.12.31. */
    private static final Pattern ISO_DATE = Pattern.compile(
            "^(?<y>\\d{4})[-/.](?<m>\\d{1,2})[-/.](?<d>\\d{1,2})[日号]?(?<before>之前|以前|前)?(?<rest>" + HAN_WORDS + ")$");

    /** 年底前, 年内完成, 当年内, 本年度内, 2024年底前: the end of the year. */
    private static final Pattern YEAR_END = Pattern.compile(
            "^(?:(?<y>\\d{4})|当|本|今)?年度?(?:底|末|终|内)(?:之前|以前|前)?" + HAN_WORDS + "$");

    /** 第四季度完成 (end of Q4), 四季度前 (before Q4: end of Q3). */
    private static final Pattern QUARTER = Pattern.compile(
            "^(?:(?<y>\\d{4})年|当年|本年)?第?(?<q>[一二三四1-4])季度?(?<end>末|底)?(?<before>之前|以前|前)?"
                    + HAN_WORDS + "$");

    /** Recurring dates (每月 20 日前) name no single day to meet: they are not one deadline. */
    private static final Pattern RECURRING = Pattern.compile("每(?:年|季度?|月|周|星期|日|天)");

    private static final Pattern PERIOD_SEPARATOR = Pattern.compile("至|到|~|～|—|–|-");

    private static final Pattern CLAUSE_SEPARATOR = Pattern.compile("[，,；;。]");

    private TargetValueParser() {
    }

    /**
     * @param text       the cell's text as the table gives it (may be null or blank: then null is returned)
     * @param fiscalYear the project's year, for deadlines written without one (≤10 月 31 日)
     */
    public static TargetValue parse(String text, int fiscalYear) {
        if (text == null) {
            return null;
        }
        String original = trimOuter(text);
        if (original.isEmpty()) {
            return null;
        }
        try {
            TargetValue value = parseTrimmed(original, fiscalYear);
            return value != null ? value : TargetValue.qualitative(original);
        } catch (RuntimeException e) {
            // A cell must never stop an import: whatever slipped past the checks below is kept as text.
            return TargetValue.qualitative(original);
        }
    }

    private static TargetValue parseTrimmed(String original, int fiscalYear) {
        if (original.length() > MAX_PARSED_LENGTH) {
            return null;
        }
        String s = normalize(original);
        if (s.isEmpty() || EXPONENT.matcher(s).find()) {
            return null;
        }
        String compact = WHITESPACE.matcher(s).replaceAll("");
        boolean recurring = RECURRING.matcher(compact).find();

        Deadline deadline = recurring ? Deadline.NONE : readDeadline(compact, fiscalYear);
        if (deadline == Deadline.NONE) {
            TargetValue quantity = readQuantity(original, s);
            if (quantity != null) {
                return quantity;
            }
            quantity = readRange(original, s);
            if (quantity != null) {
                return quantity;
            }
            if (!recurring) {
                deadline = readDeadlineInLastClause(s, fiscalYear);
            }
        }
        if (deadline.date() != null) {
            return new TargetValue(original, deadline.operator(), null, null, null, ValueKind.DEADLINE,
                    deadline.date());
        }
        // Deadline.INVALID (2月30日) and everything unread: qualitative, the validator reports invalid dates.
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Normalisation

    /** Outer whitespace of any kind (also U+3000 and no-break spaces from Word) and control characters. */
    private static String trimOuter(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlankChar(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlankChar(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || c == '\u200B' || c == '\uFEFF';
    }

    /**
     * The form patterns are written against: ASCII digits and signs, one symbol per operator, single spaces, no
     * control characters, no LaTeX ({@code $\geq 95\%$} comes out of one PDF conversion), no {@code 文字描述：} label.
     */
    private static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                b.append((char) (c - '０' + '0'));
            } else if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                b.append(' ');
            } else if (c == '\u200B' || c == '\uFEFF') {
                continue;
            } else {
                b.append(switch (c) {
                    case '％' -> '%';
                    case '．' -> '.';
                    case '，' -> isDigitAround(text, i) ? ',' : c;
                    case '＞' -> '>';
                    case '＜' -> '<';
                    case '＝' -> '=';
                    case '－', '−' -> '-';
                    case '≧', '⩾' -> '≥';
                    case '≦', '⩽' -> '≤';
                    default -> c;
                });
            }
        }
        String s = b.toString()
                .replace("\\geqslant", "≥").replace("\\leqslant", "≤")
                .replace("\\geq", "≥").replace("\\leq", "≤").replace("\\ge", "≥").replace("\\le", "≤")
                .replace("\\%", "%").replace("$", "");
        s = GREATER_EQUAL.matcher(s).replaceAll("≥");
        s = LESS_EQUAL.matcher(s).replaceAll("≤");
        s = EQUAL_GREATER.matcher(s).replaceAll("≥");
        s = EQUAL_LESS.matcher(s).replaceAll("≤");
        s = WHITESPACE.matcher(s).replaceAll(" ").trim();
        return TEXT_PREFIX.matcher(s).replaceFirst("");
    }

    private static boolean isDigitAround(String text, int i) {
        return i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == ' ');
    }

    // ---------------------------------------------------------------------------------------------------------
    // Quantities: ≥93%, ≤8000 元/人, 8 万元, 400人以上, 不超过5个工作日, 360-400人

    private static TargetValue readQuantity(String original, String s) {
        Matcher m = QUANTITY.matcher(s);
        if (!m.matches()) {
            return null;
        }
        Operator operator = operator(m.group("op"), m.group("suffix"));
        BigDecimal number = number(m.group("num"));
        String unit = unit(m.group("unit"));
        if (operator == null || number == null || !isUnit(m.group("unit"))) {
            return null;
        }
        if (isYearReference(number, unit)) {
            return null;
        }
        return new TargetValue(original, operator, number, null, unit, ValueKind.QUANTITATIVE, null);
    }

    private static TargetValue readRange(String original, String s) {
        Matcher m = RANGE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        BigDecimal lower = number(m.group("lo"));
        BigDecimal upper = number(m.group("hi"));
        String lowerUnit = unit(m.group("loUnit"));
        String unit = unit(m.group("unit"));
        if (lower == null || upper == null || !isUnit(m.group("loUnit")) || !isUnit(m.group("unit"))
                || lower.compareTo(upper) > 0) {
            return null;
        }
        if (lowerUnit != null && !lowerUnit.equals(unit)) {
            return null;
        }
        return new TargetValue(original, Operator.GE, lower, upper, unit, ValueKind.QUANTITATIVE, null);
    }

    /** The prefix wins over the suffix; no operator at all means = (DOMAIN.md: {@code 8 万元} means =8 万元). */
    private static Operator operator(String prefix, String suffix) {
        if (prefix != null) {
            return switch (prefix) {
                case "≥", "大于等于", "大于或等于", "不低于", "不少于", "不小于", "不得低于", "不得少于", "至少", "最少" ->
                        Operator.GE;
                case "≤", "小于等于", "小于或等于", "不超过", "不高于", "不大于", "不多于", "不得超过", "不得高于", "最多",
                     "至多" -> Operator.LE;
                case "=" -> Operator.EQ;
                case ">", "大于", "高于", "超过", "多于" -> Operator.GT;
                case "<", "小于", "低于", "少于" -> Operator.LT;
                default -> null;
            };
        }
        if (suffix != null) {
            return suffix.endsWith("以上") ? Operator.GE : Operator.LE;
        }
        return Operator.EQ;
    }

    /** Null when the digits cannot be a stored value (too long for the column). */
    private static BigDecimal number(String digits) {
        String plain = SPACES_AND_COMMAS.matcher(digits).replaceAll("");
        BigDecimal n = new BigDecimal(plain);
        int scale = Math.max(n.scale(), 0);
        int integerDigits = n.precision() - n.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || scale > MAX_FRACTION_DIGITS) {
            return null;
        }
        return n;
    }

    private static String unit(String raw) {
        String unit = WHITESPACE.matcher(raw).replaceAll("");
        return unit.isEmpty() ? null : unit;
    }

    /**
     * A unit is short, has at least one letter (or %, ‰, ℃), and no digits or sentence punctuation: this is what
     * keeps {@code 薪酬总额达到 80 万元-120 万元，按照 20% 的比例给予补贴} and {@code 10 月 31 日} from being read as
     * a number with a long unit.
     */
    private static boolean isUnit(String raw) {
        String unit = WHITESPACE.matcher(raw).replaceAll("");
        if (unit.isEmpty()) {
            return true;
        }
        if (unit.codePointCount(0, unit.length()) > MAX_UNIT_LENGTH) {
            return false;
        }
        boolean hasLetter = false;
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            if (Character.isDigit(c) || "，,；;：:。！!？?“”\"'《》≥≤<>=+*×".indexOf(c) >= 0) {
                return false;
            }
            hasLetter |= Character.isLetter(c) || c == '%' || c == '‰' || c == '℃';
        }
        return hasLetter;
    }

    private static boolean isYearReference(BigDecimal number, String unit) {
        return unit != null && YEAR_REFERENCE_UNIT.matcher(unit).matches() && number.scale() <= 0
                && number.compareTo(BigDecimal.valueOf(1900)) >= 0 && number.compareTo(BigDecimal.valueOf(2100)) <= 0;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Deadlines: ≤10 月 31 日, 2025年12月31日前, 12月份之前, 年底前完成当年任务, 第四季度完成, A至B

    /** The outcome of reading a date: none found, found but impossible (2月30日), or a last day. */
    private record Deadline(Operator operator, LocalDate date, boolean invalid) {
        static final Deadline NONE = new Deadline(null, null, false);
        static final Deadline INVALID = new Deadline(null, null, true);

        Deadline(Operator operator, LocalDate date) {
            this(operator, date, false);
        }
    }

    private static Deadline readDeadline(String compact, int fiscalYear) {
        Matcher op = DEADLINE_PREFIX.matcher(compact);
        String body = compact;
        boolean strict = false;
        if (op.find()) {
            strict = "<".equals(op.group("op"));
            body = compact.substring(op.end());
        }
        Deadline d = readDate(body, fiscalYear, false);
        if (d == Deadline.NONE) {
            d = readYearEndOrQuarter(body, fiscalYear);
        }
        if (d == Deadline.NONE) {
            d = readPeriod(body, fiscalYear);
        }
        if (strict && d.date() != null) {
            // "<11月30日": the last day allowed is the day before
            return new Deadline(Operator.LE, d.date().minusDays(1));
        }
        return d;
    }

    /** Only the last clause: 分赛道举办赛事活动，11 月前组织完成 and 省人社厅下达年度指标后，≤6月30日. */
    private static Deadline readDeadlineInLastClause(String s, int fiscalYear) {
        String[] clauses = CLAUSE_SEPARATOR.split(s);
        if (clauses.length < 2) {
            return Deadline.NONE;
        }
        String last = WHITESPACE.matcher(clauses[clauses.length - 1]).replaceAll("");
        return last.isEmpty() ? Deadline.NONE : readDeadline(last, fiscalYear);
    }

    /**
     * @param periodEnd a month alone is a date only where the text says so: before (11 月前), with a year
     *                  (2024年12月), followed by words (12月完成), or as the end of a period (至次年1月); a bare
     *                  {@code ≤12 月} or {@code 3 月} is a number of months and left to the quantity reader
     */
    private static Deadline readDate(String body, int fiscalYear, boolean periodEnd) {
        Matcher m = ISO_DATE.matcher(body);
        if (m.matches()) {
            return date(Integer.parseInt(m.group("y")), parseSmall(m.group("m")), parseSmall(m.group("d")));
        }
        m = DATE.matcher(body);
        if (!m.matches()) {
            return Deadline.NONE;
        }
        int year = year(m.group("y"), m.group("rel"), fiscalYear);
        if (year < 0) {
            return Deadline.INVALID;
        }
        if (m.group("m2") != null) {
            // 12.31 日: only a real month.day reads as a date; 12.45 日 stays a number of days
            Deadline d = date(year, parseSmall(m.group("m2")), parseSmall(m.group("d2")));
            return d == Deadline.INVALID ? Deadline.NONE : d;
        }
        int month = parseSmall(m.group("m"));
        if (m.group("d") != null) {
            return date(year, month, parseSmall(m.group("d")));
        }
        if (month < 1 || month > 12) {
            return Deadline.INVALID;
        }
        boolean before = m.group("before") != null;
        if (m.group("end") != null) {
            return new Deadline(Operator.LE, YearMonth.of(year, month).atEndOfMonth());
        }
        if (before) {
            // 12月份之前: strictly before December, so the end of November
            return new Deadline(Operator.LE, YearMonth.of(year, month).minusMonths(1).atEndOfMonth());
        }
        boolean yearGiven = m.group("y") != null || m.group("rel") != null;
        if (periodEnd || yearGiven || !m.group("rest").isEmpty()) {
            return new Deadline(Operator.LE, YearMonth.of(year, month).atEndOfMonth());
        }
        return Deadline.NONE;
    }

    private static Deadline readYearEndOrQuarter(String body, int fiscalYear) {
        Matcher m = YEAR_END.matcher(body);
        if (m.matches()) {
            int year = year(m.group("y"), null, fiscalYear);
            return year < 0 ? Deadline.INVALID : new Deadline(Operator.LE, LocalDate.of(year, 12, 31));
        }
        m = QUARTER.matcher(body);
        if (m.matches()) {
            int year = year(m.group("y"), null, fiscalYear);
            if (year < 0) {
                return Deadline.INVALID;
            }
            int quarter = "一二三四".indexOf(m.group("q")) + 1;
            if (quarter == 0) {
                quarter = Integer.parseInt(m.group("q"));
            }
            boolean beforeQuarter = m.group("before") != null && m.group("end") == null;
            YearMonth lastMonth = YearMonth.of(year, quarter * 3);
            return new Deadline(Operator.LE, (beforeQuarter ? lastMonth.minusMonths(3) : lastMonth).atEndOfMonth());
        }
        return Deadline.NONE;
    }

    /** 2025年1月1日至2025年12月31日, 自当年 10 月开始发放至次年 1 月: the period's end is the deadline. */
    private static Deadline readPeriod(String body, int fiscalYear) {
        Matcher sep = PERIOD_SEPARATOR.matcher(body);
        while (sep.find()) {
            String from = body.substring(0, sep.start()).replaceFirst("^[自从]", "");
            String to = body.substring(sep.end());
            Deadline start = readDate(from, fiscalYear, true);
            if (start.date() == null) {
                continue;
            }
            // the end's year defaults to the start's (2025年1月1日至12月31日), and 次年 is the year after it
            Deadline end = readDate(to, start.date().getYear(), true);
            if (end == Deadline.INVALID) {
                return Deadline.INVALID;
            }
            if (end.date() != null && !end.date().isBefore(start.date())) {
                return end;
            }
        }
        return Deadline.NONE;
    }

    /** -1 when the year is not one a budget table could mean. */
    private static int year(String digits, String relative, int fiscalYear) {
        int year = fiscalYear;
        if (digits != null) {
            year = Integer.parseInt(digits);
        } else if (relative != null && (relative.equals("次年") || relative.equals("明年") || relative.equals("翌年"))) {
            year = fiscalYear + 1;
        }
        return year >= 1900 && year <= 2200 ? year : -1;
    }

    private static Deadline date(int year, int month, int day) {
        if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return Deadline.INVALID;
        }
        return new Deadline(Operator.LE, LocalDate.of(year, month, day));
    }

    /** Month and day digits are at most two long by the patterns, so this cannot overflow. */
    private static int parseSmall(String digits) {
        return Integer.parseInt(digits);
    }
}
