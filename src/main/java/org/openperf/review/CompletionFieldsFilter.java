package org.openperf.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.openperf.kernel.EngineAccess;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task completion through Camunda's REST API ({@code /engine-rest}) or Tasklist's ({@code /camunda/api/engine})
 * may carry only the step's declared fields (its form's keys, {@link StepRule#fields}): anything else — a
 * {@code projectId}, a {@code departmentCode}, a {@code submitter} — is refused with 400 naming it, before the
 * engine stores anything. Setting variables on a task beforehand needs Camunda's UPDATE permission, which
 * candidates do not have (they get TASK_WORK). The app's own task API takes a fixed body and goes through the same
 * rules ({@link StepListener}).
 */
public class CompletionFieldsFilter extends OncePerRequestFilter {

    /** complete, submit-form and resolve of a task, on either REST API, for the default or a named engine. */
    static final Pattern COMPLETION = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/"
                    + "(complete|submit-form|resolve|bpmnError|bpmnEscalation)/?$");
    private static final int MAX_BODY = 5 * 1024 * 1024;

    private final TaskService tasks;
    private final IdentityService identity;
    private final StepRules rules;
    private final EngineAccess engine;
    private final ObjectMapper json;

    public CompletionFieldsFilter(TaskService tasks, IdentityService identity, StepRules rules, EngineAccess engine,
                                  ObjectMapper json) {
        this.tasks = tasks;
        this.identity = identity;
        this.rules = rules;
        this.engine = engine;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = COMPLETION.matcher(path(request));
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        if (m.group(2).startsWith("bpmn")) {
            // A BPMN error or escalation would end the step without its rule: no step of these models throws one.
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "本系统的任务不能以 BPMN 错误或升级结束，请按环节办理");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "办理任务的请求内容过大");
            return;
        }
        String taskId = m.group(1);
        Task task = engine.asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (task != null) {
            String refusal = whoMayNot(task, m.group(2), actingUser(request));
            if (refusal != null) {
                refuse(response, HttpServletResponse.SC_FORBIDDEN, refusal);
                return;
            }
            List<String> sent = variableNames(body);
            Set<String> allowed = rules.fields(task.getTaskDefinitionKey());
            List<String> refused = sent.stream().filter(name -> !allowed.contains(name)).toList();
            if (!refused.isEmpty()) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "办理此任务只能提交本环节表单的字段"
                        + (allowed.isEmpty() ? "（本环节不接受任何字段）" : "（" + String.join("、", new TreeSet<>(allowed)) + "）")
                        + "，不接受：" + String.join("、", refused));
                return;
            }
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    /**
     * Camunda lets every candidate with TASK_WORK complete or resolve a task, whoever holds it. Here an assigned
     * task is completed only by its assignee, a delegated one is handed back (resolved) only by the delegate and
     * not completed before. The step's complete listener ({@link StepListener}) holds the same inside the engine;
     * this answers first with a clear 403.
     */
    static String whoMayNot(Task task, String action, String user) {
        String step = Steps.name(task.getTaskDefinitionKey());
        boolean delegated = task.getDelegationState() == DelegationState.PENDING;
        if ("resolve".equals(action)) {
            return delegated && user != null && !user.equals(task.getAssignee())
                    ? "“" + step + "”委派给了 " + task.getAssignee() + "，只有受托人可以交回" : null;
        }
        if (delegated) {
            return "“" + step + "”已委派给 " + task.getAssignee() + "，须由其办理后交回（resolve），再由 "
                    + task.getOwner() + " 办理";
        }
        if (task.getAssignee() != null && user != null && !user.equals(task.getAssignee())) {
            return "“" + step + "”已由 " + task.getAssignee() + " 签收，只有签收人可以办理（可请其转办给您）";
        }
        return null;
    }

    /** The engine's authenticated user ({@code /engine-rest}), else the webapp session's (Tasklist). */
    private String actingUser(HttpServletRequest request) {
        Authentication a = identity.getCurrentAuthentication();
        return a != null && a.getUserId() != null ? a.getUserId() : request.getRemoteUser();
    }

    /** The names under {@code variables}; none when the body is empty or not JSON (the engine answers that). */
    private List<String> variableNames(byte[] body) {
        List<String> names = new ArrayList<>();
        if (body.length == 0) {
            return names;
        }
        try {
            JsonNode variables = json.readTree(body).path("variables");
            variables.fieldNames().forEachRemaining(names::add);
        } catch (IOException e) {
            return names;
        }
        return names;
    }

    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Camunda's REST API answers errors in this shape.
        response.getWriter().write(json.writeValueAsString(java.util.Map.of("type", "InvalidRequestException",
                "message", message)));
    }

    private static String path(HttpServletRequest request) {
        // Decoded as Jersey decodes it, so an encoded task id or a trailing slash cannot slip past.
        String uri = java.net.URLDecoder.decode(request.getRequestURI().replace("+", "%2B"),
                StandardCharsets.UTF_8);
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** The request with its body read once here and replayed for the engine's REST resources. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}
