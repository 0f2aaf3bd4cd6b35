package org.openperf.review.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives a task's Camunda Form the project as it is at the moment the form opens. Tasklist asks the engine for a
 * task's {@code form-variables} before it renders the form (through /engine-rest and through the webapp's own
 * engine API); this filter lets the engine answer first, with its own authorization checks, and adds the table's
 * variables ({@link TaskFormVariables#forTask}) to a successful answer. Registered for the two engine APIs only
 * ({@link TaskFormVariablesConfiguration}), so pages and other requests never pass through it.
 *
 * <p>Every String variable the form puts into a text (markdown) component is escaped
 * ({@link TaskFormVariables#markdownNames}): the table's text and what units and reviewers typed show as typed.
 *
 * <p>Read, not stored: writing the table, its findings and its history as variables on every new task cost about
 * 70 statements per task, and the data was stale as soon as the table or its history changed.
 */
public class TaskFormVariablesFilter extends OncePerRequestFilter {

    /** /engine-rest/task/{id}/form-variables and /camunda/api/engine/engine/{engine}/task/{id}/form-variables. */
    static final Pattern PATH = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/form-variables/?$");

    private final TaskFormVariables forms;
    private final ObjectMapper json;

    public TaskFormVariablesFilter(TaskFormVariables forms, ObjectMapper json) {
        this.forms = forms;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !PATH.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (answer.getStatus() != HttpServletResponse.SC_OK) {
            answer.copyBodyToResponse();
            return;
        }
        Matcher m = PATH.matcher(path(request));
        m.matches();
        JsonNode body = json.readTree(answer.getContentAsByteArray());
        if (!(body instanceof ObjectNode engine)) {
            answer.copyBodyToResponse();
            return;
        }
        engine.setAll(forms.forTask(m.group(1), names(request.getParameter("variableNames"))));
        // Whatever the form puts into markdown text is shown as typed, whoever wrote it.
        for (String name : forms.markdownNames(m.group(1))) {
            JsonNode v = engine.get(name);
            if (v instanceof ObjectNode value && "String".equals(value.path("type").asText())
                    && value.path("value").isTextual()) {
                value.put("value", Markdown.escape(value.get("value").asText()));
            }
        }
        byte[] out = json.writeValueAsBytes(engine);
        response.setContentLength(out.length);
        response.getOutputStream().write(out);
        response.flushBuffer();
    }

    static Set<String> names(String variableNames) {
        if (variableNames == null || variableNames.isBlank()) {
            return null;
        }
        return Arrays.stream(variableNames.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
