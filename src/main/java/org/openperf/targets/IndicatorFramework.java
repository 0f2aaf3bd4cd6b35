package org.openperf.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The indicator framework (财预〔2021〕101号): which 二级 indicators belong to which 一级. Real tables shorten names
 * (经济成本, 社会效益) and PDF-born ones break them (满意度指 标); {@link #level1} and {@link #level2} read all of
 * these as the canonical names. The older framework put 成本指标 as a 二级 under 产出指标: both are accepted.
 * Other spellings of 二级 names that published tables use (可持续发展影响指标 for 可持续影响指标 …) are data:
 * {@value #SYNONYMS}, read once when this class loads.
 */
public final class IndicatorFramework {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000\\u00a0]+");

    public static final String COST = "成本指标";
    public static final String OUTPUT = "产出指标";
    public static final String BENEFIT = "效益指标";
    public static final String SATISFACTION = "满意度指标";

    static final String SYNONYMS = "validation/level2-synonyms.yaml";

    private static final Map<String, List<String>> LEVEL2_BY_LEVEL1 = new LinkedHashMap<>();

    /** A spelling (canonicalised: no spaces, 指标 suffix) → the framework's 二级 name. */
    private static final Map<String, String> LEVEL2_SYNONYMS;

    static {
        LEVEL2_BY_LEVEL1.put(COST, List.of("经济成本指标", "社会成本指标", "生态环境成本指标"));
        LEVEL2_BY_LEVEL1.put(OUTPUT, List.of("数量指标", "质量指标", "时效指标", COST));
        LEVEL2_BY_LEVEL1.put(BENEFIT, List.of("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"));
        LEVEL2_BY_LEVEL1.put(SATISFACTION, List.of("服务对象满意度指标"));
        LEVEL2_SYNONYMS = readSynonyms(SYNONYMS);
    }

    /** The synonyms file: each framework 二级 name with the spellings that mean it. */
    static Map<String, String> readSynonyms(String resource) {
        Object doc;
        try (InputStream in = IndicatorFramework.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("二级指标同义词文件 " + resource + " 不存在");
            }
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        Map<String, String> synonyms = new HashMap<>();
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> entries)) {
            throw new IllegalStateException(resource + "：应为“二级指标名称: [写法, …]”");
        }
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String name = canonical(String.valueOf(e.getKey()));
            if (name == null || LEVEL2_BY_LEVEL1.values().stream().noneMatch(l -> l.contains(name))) {
                throw new IllegalStateException(resource + "：“" + e.getKey() + "”不是指标体系中的二级指标");
            }
            if (!(e.getValue() instanceof List<?> spellings)) {
                throw new IllegalStateException(resource + "：“" + e.getKey() + "”下应为写法的列表");
            }
            for (Object spelling : spellings) {
                String s = canonical(String.valueOf(spelling));
                String before = s == null ? null : synonyms.putIfAbsent(s, name);
                if (s == null || before != null && !before.equals(name)) {
                    throw new IllegalStateException(resource + "：写法“" + spelling + "”为空或同时列在“" + before + "”和“"
                            + name + "”下");
                }
            }
        }
        return Map.copyOf(synonyms);
    }

    private IndicatorFramework() {
    }

    public static List<String> level1Names() {
        return List.copyOf(LEVEL2_BY_LEVEL1.keySet());
    }

    public static List<String> level2Names(String level1) {
        return LEVEL2_BY_LEVEL1.getOrDefault(level1, List.of());
    }

    /** The canonical 一级 name for a cell's text, or null when it is not one. */
    public static String level1(String raw) {
        String s = canonical(raw);
        return s != null && LEVEL2_BY_LEVEL1.containsKey(s) ? s : null;
    }

    /** The canonical 二级 name for a cell's text, or null when it is not one. */
    public static String level2(String raw) {
        String s = canonical(raw);
        if (s == null) {
            return null;
        }
        s = LEVEL2_SYNONYMS.getOrDefault(s, s);
        for (List<String> names : LEVEL2_BY_LEVEL1.values()) {
            if (names.contains(s)) {
                return s;
            }
        }
        return null;
    }

    /** Whether a 二级 belongs under a 一级 (names in any accepted spelling). */
    public static boolean belongsTo(String level1, String level2) {
        String l1 = level1(level1);
        String l2 = level2(level2);
        return l1 != null && l2 != null && LEVEL2_BY_LEVEL1.get(l1).contains(l2);
    }

    /** The 一级 a 二级 belongs to in the current framework (成本指标 as a 二级 → 产出指标, the older framework). */
    public static String parentOf(String level2) {
        String l2 = level2(level2);
        if (l2 == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : LEVEL2_BY_LEVEL1.entrySet()) {
            if (e.getValue().contains(l2)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Removes the spaces PDF conversion leaves inside words and restores the 指标 suffix shortened names drop. */
    static String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        String s = SPACES.matcher(raw).replaceAll("");
        if (s.isEmpty()) {
            return null;
        }
        if (!s.endsWith("指标")) {
            s = s + "指标";
        }
        return s;
    }
}
