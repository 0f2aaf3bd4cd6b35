package org.openperf.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets Tasklist's cards show 单位 and 预算数 to the departments and units, not only to finance. Tasklist reads a
 * filter's tasks as HAL ({@code /filter/{id}/list}) and the engine embeds the variables the filter declares, but
 * only those the caller may read: a process variable needs READ on its process instance, which only finance has
 * (granting it per instance would cost an authorization row for every project). The engine answers first, with its
 * own checks, so the tasks are those the caller may see; this adds, for those tasks only, the card variables
 * ({@link TaskCards}) the engine left out. No other variable is added, whatever a filter declares.
 */
public class TaskCardsFilter extends OncePerRequestFilter {

    /** /engine-rest/filter/{id}/list and the webapps' /camunda/api/engine/engine/{engine}/filter/{id}/list. */
    static final Pattern PATH = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/filter/[^/]+/list/?$");

    private final TaskCards cards;
    private final ObjectMapper json;

    public TaskCardsFilter(TaskCards cards, ObjectMapper json) {
        this.cards = cards;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null || !accept.contains("hal+json")
                || !PATH.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        JsonNode body = answer.getStatus() == HttpServletResponse.SC_OK && answer.getContentSize() > 0
                ? json.readTree(answer.getContentAsByteArray()) : null;
        JsonNode tasks = body == null ? null : body.path("_embedded").path("task");
        if (tasks == null || !tasks.isArray() || tasks.isEmpty()) {
            answer.copyBodyToResponse();
            return;
        }
        // Only where the filter declares a card variable and the engine did not embed it for the caller.
        Map<String, Set<String>> missing = new HashMap<>();
        for (JsonNode task : tasks) {
            JsonNode embedded = task.path("_embedded").path("variable");
            String instance = task.path("processInstanceId").asText(null);
            if (!embedded.isArray() || instance == null) {
                continue; // the filter declares no variables, or the task belongs to no process
            }
            Set<String> names = new HashSet<>(TaskCards.NAMES);
            embedded.forEach(v -> names.remove(v.path("name").asText()));
            if (!names.isEmpty()) {
                missing.computeIfAbsent(instance, k -> new HashSet<>()).addAll(names);
            }
        }
        if (missing.isEmpty()) {
            answer.copyBodyToResponse();
            return;
        }
        Map<String, Map<String, String>> values = cards.of(missing.keySet());
        for (JsonNode task : tasks) {
            String instance = task.path("processInstanceId").asText(null);
            Set<String> names = instance == null ? null : missing.get(instance);
            if (names == null || !(task.path("_embedded").path("variable") instanceof ArrayNode embedded)) {
                continue;
            }
            Map<String, String> found = values.getOrDefault(instance, Map.of());
            Set<String> present = new HashSet<>();
            embedded.forEach(v -> present.add(v.path("name").asText()));
            for (String name : TaskCards.NAMES) {
                if (names.contains(name) && !present.contains(name) && found.containsKey(name)) {
                    embedded.add(variable(instance, name, found.get(name)));
                }
            }
        }
        byte[] out = json.writeValueAsBytes(body);
        response.setContentLength(out.length);
        response.getOutputStream().write(out);
        response.flushBuffer();
    }

    /** A String variable as the engine's HAL list embeds it. */
    private ObjectNode variable(String instance, String name, String value) {
        ObjectNode v = json.createObjectNode();
        v.putObject("_links").putObject("self").put("href", "/process-instance/" + instance + "/variables/" + name);
        v.putNull("_embedded");
        v.put("name", name);
        v.put("value", value);
        v.put("type", "String");
        v.putObject("valueInfo");
        return v;
    }
}
