package org.openperf.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * What a Tianjin preparer does to the tables validation stops (or warns about), on the table's JSON as
 * {@code GET /api/projects/{id}} gives it, ready for {@code PUT}: the missing units are added to quantitative
 * values (元/人 for a 标准, else 万元) and a duplicate 三级 name gets （二）.
 */
public final class TianjinFixes {

    private TianjinFixes() {
    }

    public static ObjectNode fix(ObjectNode project) {
        Set<String> names = new HashSet<>();
        for (JsonNode n : project.get("indicators")) {
            ObjectNode i = (ObjectNode) n;
            JsonNode value = i.get("value");
            String text = value == null ? null : value.get("text").asText();
            if (value != null && "QUANTITATIVE".equals(value.path("kind").asText()) && value.get("unit") == null) {
                text = text + (i.get("name").asText().contains("标准") ? "元/人" : "万元");
            }
            i.put("value", text);
            if (!names.add(i.get("name").asText())) {
                i.put("name", i.get("name").asText() + "（二）");
            }
        }
        project.remove("findings");
        return project;
    }
}
