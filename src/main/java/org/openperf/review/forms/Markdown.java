package org.openperf.review.forms;

/**
 * Text from a table (a project's name, purpose, goal, a unit's explanation) shown inside a Camunda Form's text
 * component, which renders markdown: every ASCII punctuation character is backslash-escaped, which CommonMark
 * shows as that character itself, so no link, image, HTML tag, autolink, entity or emphasis can start in it.
 */
public final class Markdown {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    private Markdown() {
    }

    public static String escape(String text) {
        if (text == null || PLAIN_NUMBER.matcher(text).matches()) {
            return text; // an amount (835.00) cannot start any markup
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (PUNCTUATION.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
