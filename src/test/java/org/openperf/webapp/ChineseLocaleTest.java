package org.openperf.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda webapps in Chinese: our {@code zh.json} must cover every key of the webjar's {@code en.json} (a
 * missing key shows up in the UI as the raw key, e.g. {@code CLAIM_TASK}), keep each label's {@code {{…}}}
 * placeholders and HTML tags, and our {@code config.js} must make Chinese the default.
 *
 * <p>Reading {@code en.json} from the webjar on the test classpath means a Camunda upgrade that adds labels fails
 * this test until the translation catches up.
 */
class ChineseLocaleTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Pattern HTML =
            Pattern.compile("</?(?:a|br|b|strong|em|i|code|p|ul|ol|li|span|div|pre)(?:\\s[^>]*)?/?>|&[a-z]+;");
    private static final Pattern AVAILABLE = Pattern.compile("availableLocales:\\s*\\[([^]]*)]");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void chineseHasExactlyTheEnglishKeys(String app) throws IOException {
        Map<String, JsonNode> en = leaves(read(app, "en.json"));
        Map<String, JsonNode> zh = leaves(read(app, "zh.json"));

        assertThat(zh.keySet()).as("%s zh.json keys", app).containsExactlyInAnyOrderElementsOf(en.keySet());
        en.forEach((key, english) -> {
            JsonNode chinese = zh.get(key);
            assertThat(chinese.getNodeType()).as("%s %s type", app, key).isEqualTo(english.getNodeType());
            if (english.isTextual()) {
                assertThat(all(PLACEHOLDER, chinese.asText()))
                        .as("%s %s placeholders", app, key)
                        .containsExactlyInAnyOrderElementsOf(all(PLACEHOLDER, english.asText()));
                assertThat(all(HTML, chinese.asText()))
                        .as("%s %s HTML", app, key)
                        .containsExactlyInAnyOrderElementsOf(all(HTML, english.asText()));
            }
        });
        assertThat(zh).as("%s has labels", app).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void configMakesChineseTheDefault(String app) throws IOException {
        URL url = resource(APP + app + "/scripts/config.js");
        assertThat(url.getProtocol()).as("%s config.js is ours, not the webjar's", app).isEqualTo("file");
        String config;
        try (InputStream in = url.openStream()) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String code = config.replaceAll("(?m)^\\s*//.*$", "");

        assertThat(code).contains("fallbackLocale: 'zh'");
        Matcher available = AVAILABLE.matcher(code);
        assertThat(available.find()).as("%s availableLocales", app).isTrue();
        List<String> locales = new ArrayList<>();
        for (String locale : available.group(1).split(",")) {
            locales.add(locale.trim().replace("'", "").replace("\"", ""));
        }
        assertThat(locales).as("%s availableLocales", app).contains("zh");
        // The webapps report an error for a listed locale without a file.
        for (String locale : locales) {
            assertThat(resource(APP + app + "/locales/" + locale + ".json")).as("%s %s.json", app, locale).isNotNull();
        }
    }

    private JsonNode read(String app, String file) throws IOException {
        URL url = resource(APP + app + "/locales/" + file);
        assertThat(url).as("%s/locales/%s on the classpath", app, file).isNotNull();
        try (InputStream in = url.openStream()) {
            return json.readTree(in); // Jackson skips the BOM Camunda's en.json starts with
        }
    }

    private static URL resource(String path) {
        return ChineseLocaleTest.class.getClassLoader().getResource(path);
    }

    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        collect(root, "", leaves);
        return leaves;
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), path + "/" + field.getKey(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.groupCount() > 0 && m.group(1) != null ? m.group(1) : m.group());
        }
        return found;
    }
}
