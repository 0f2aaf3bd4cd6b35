package org.openperf.imports;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text clean-up shared by the readers: what Excel, Word and PDF conversion leave in cells (non-breaking and
 * ideographic spaces, line breaks, spaces inside Chinese words, {@code <p>} tags, LaTeX such as
 * {@code $\geq 95\%$}) and amounts written as {@code 1, 800. 00} or {@code 35,690.00}.
 */
final class Text {

    // Compiled once: key() and amount() run for every cell of an import.
    private static final Pattern WAN_YUAN_SUFFIX = Pattern.compile("\\((?:单位:)?万元\\)$");
    private static final Pattern YUAN_SUFFIX = Pattern.compile("(?:万元|元)$");

    /** Chinese characters and the punctuation written between them (CJK symbols, full-width forms, curly quotes). */
    private static final String CJK = "\\p{IsHan}\\u3001-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65\\u2018-\\u201F";
    private static final Pattern SPACE_INSIDE_CJK = Pattern.compile("(?<=[" + CJK + "]) +(?=[" + CJK + "])");
    private static final Pattern HTML_TAG = Pattern.compile("</?(?:p|br|div|span)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LATEX = Pattern.compile("\\$([^$]*\\\\[^$]*)\\$");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000\\u2002-\\u200B\\uFEFF]+");
    /** Control characters (C0 other than whitespace, DEL, C1): invisible, and some databases refuse NUL. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F-\\x9F]");
    private static final Pattern AMOUNT = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");

    private Text() {
    }

    /** Trims, collapses whitespace, repairs LaTeX and HTML left-overs and removes spaces between CJK characters. */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String s = CONTROL.matcher(raw).replaceAll("");
        if (s.indexOf('<') >= 0) {
            s = HTML_TAG.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('$') >= 0 && s.indexOf('\\') >= 0) {
            s = repairLatex(s);
        }
        s = WHITESPACE.matcher(s).replaceAll(" ").trim();
        if (s.indexOf(' ') >= 0) {
            s = SPACE_INSIDE_CJK.matcher(s).replaceAll("");
        }
        return s;
    }

    private static String repairLatex(String s) {
        Matcher m = LATEX.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1)
                    .replaceAll("\\\\geqslant|\\\\geq|\\\\ge\\b", "≥")
                    .replaceAll("\\\\leqslant|\\\\leq|\\\\le\\b", "≤")
                    .replace("\\%", "%")
                    .replace("\\times", "×")
                    .replace("\\sim", "~")
                    .replaceAll("\\\\[,;: ]", " ")
                    .replaceAll("\\\\text\\{([^}]*)}", "$1")
                    .replaceAll("\\\\mathrm\\{([^}]*)}", "$1")
                    .replace("{", "").replace("}", "");
            inner = inner.replaceAll("\\s+", "");
            m.appendReplacement(sb, Matcher.quoteReplacement(inner));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * The form labels are compared in: no whitespace, ASCII parentheses and colons, no trailing colon, no
     * {@code (万元)} suffix. {@code 其中：财政资金} stays as it is (callers strip {@code 其中:} where it matters).
     */
    static String key(String text) {
        if (text == null) {
            return "";
        }
        if (alreadyKey(text)) {
            return text; // most cells: the parsers ask for every cell's key when they look for labels
        }
        String s = WHITESPACE.matcher(text).replaceAll("")
                .replace('（', '(').replace('）', ')').replace('：', ':');
        s = WAN_YUAN_SUFFIX.matcher(s).replaceAll("");
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Nothing {@link #key} would change: no whitespace, no full-width bracket or colon, no trailing colon or ')'. */
    private static boolean alreadyKey(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == '\u00A0' || c == '\u3000' || (c >= '\u2002' && c <= '\u200B') || c == '\uFEFF'
                    || c == '（' || c == '）' || c == '：') {
                return false;
            }
        }
        return text.isEmpty() || (!text.endsWith(":") && !text.endsWith(")"));
    }

    /** An amount parsed, or null. */
    static Amount amount(String text) {
        if (text == null) {
            return null;
        }
        String s = clean(text);
        if (s.isEmpty()) {
            return null;
        }
        StringBuilder ascii = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch >= '０' && ch <= '９') {
                ascii.append((char) (ch - '０' + '0'));
            } else if (ch == '．') {
                ascii.append('.');
            } else if (ch == '，') {
                ascii.append(',');
            } else {
                ascii.append(ch);
            }
        }
        s = YUAN_SUFFIX.matcher(ascii.toString()).replaceAll("").trim();
        boolean spaced = s.contains(" ");
        String compact = s.replace(" ", "").replace(",", "");
        if (!AMOUNT.matcher(compact).matches()) {
            return null;
        }
        return new Amount(new BigDecimal(compact), spaced);
    }

    /** A parsed amount; {@code repaired} when spaces had to be removed from inside the number (PDF artefact). */
    record Amount(BigDecimal value, boolean repaired) {
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
