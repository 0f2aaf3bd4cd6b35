package org.openperf.targets;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * How a project or indicator name is compared across years (issue 19): full-width forms read as half-width (NFKC),
 * every space removed, a year such as {@code 2024年} or {@code 2024年度} dropped, and a trailing 项目 dropped. So
 * “2024年 职业技能培训补贴项目” and “职业技能培训补贴” are the same project.
 */
public final class ProjectNames {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000\\u00a0]+");
    /**
     * A year from 1900 to 2199 written with 年/年度 anywhere, or bare at the start (2024职业技能培训): not a bare
     * number inside the name, where {@code 新增2000个岗位} is a target, not a year.
     */
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(19|20|21)[0-9]{2}(年度|年)|^(19|20|21)[0-9]{2}(?![0-9])");
    private static final String PROJECT = "项目";

    private ProjectNames() {
    }

    /** The name as compared across years; "" for null. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = SPACES.matcher(s).replaceAll("");
        s = YEAR.matcher(s).replaceAll("").replace("()", ""); // （2024年） leaves empty brackets
        while (s.endsWith(PROJECT) && s.length() > PROJECT.length()) {
            s = s.substring(0, s.length() - PROJECT.length());
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}
