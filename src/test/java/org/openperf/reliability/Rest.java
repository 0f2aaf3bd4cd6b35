package org.openperf.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP against one node, JSON in and out; only 127.0.0.1. Scripts' way by default: HTTP Basic on every request.
 * {@link #loggedIn} gives a browser's way instead: one form login, then the session cookie and its CSRF token.
 */
final class Rest {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    /** The session's CSRF token; null for HTTP Basic. */
    private final String csrf;

    Rest(String base) {
        this(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build(), null);
    }

    private Rest(String base, HttpClient http, String csrf) {
        this.base = base;
        this.http = http;
        this.csrf = csrf;
    }

    /**
     * A person's browser on this node: the login form once (its answer, in milliseconds, in {@code loginNanos[0]}),
     * then every request with the session's cookie, POSTs with its CSRF token, and no password.
     */
    Rest loggedIn(String user, String password, long[] loginNanos) {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Rest anonymous = new Rest(base, browser, "");
        long t0 = System.nanoTime();
        String form = anonymous.token("/login");
        Answer login = anonymous.send(null, null, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password)
                        + "&_csrf=" + enc(form))), "text/html");
        String location = login.status() == 302 ? login.location() : null;
        if (location == null || location.contains("error")) {
            throw new IllegalStateException("login of " + user + " answered " + login.status() + " " + location);
        }
        // Spring gives the session a new CSRF token at login: the pages carry it (meta _csrf), as the login form does.
        String token = anonymous.token("/login");
        loginNanos[0] = System.nanoTime() - t0;
        return new Rest(base, browser, token);
    }

    private String token(String path) {
        Answer page = send(null, null, HttpRequest.newBuilder(URI.create(base + path)).GET(), "text/html");
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException(path + " answered " + page.status() + " without a CSRF token");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    record Answer(int status, String body, long nanos, String location) {

        Answer(int status, String body, long nanos) {
            this(status, body, nanos, null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    Answer get(String user, String password, String path) {
        return send(user, password, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A file download (xlsx): any content type is accepted, as a browser's link would. */
    Answer download(String user, String password, String path) {
        return send(user, password, HttpRequest.newBuilder(URI.create(base + path)).GET(), "*/*");
    }

    Answer post(String user, String password, String path, Object body) {
        return send(user, password, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
    }

    Answer put(String user, String password, String path, Object body) {
        return send(user, password, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
    }

    /** A multipart upload of one file as the part {@code file}, as the 导入 page sends it. */
    Answer upload(String user, String password, String path, String fileName, byte[] content) {
        String boundary = "----perf" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(user, password, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Throws unless the answer is 2xx: for seeding, where anything else is a broken setup. */
    static Answer require(Answer a, String what) {
        if (!a.ok()) {
            throw new IllegalStateException(what + " answered " + a.status() + ": " + a.body());
        }
        return a;
    }

    private Answer send(String user, String password, HttpRequest.Builder b) {
        return send(user, password, b, "application/json");
    }

    private Answer send(String user, String password, HttpRequest.Builder b, String accept) {
        if (csrf == null) {
            String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + auth);
        } else if (!csrf.isEmpty()) {
            b.header("X-CSRF-TOKEN", csrf); // a browser's page sends it with every call (app.js), GETs included
        }
        HttpRequest request = b.header("Accept", accept).timeout(Duration.ofSeconds(60)).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), System.nanoTime() - t0,
                    r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            // A broken connection counts like a server error: the user saw no answer.
            return new Answer(599, e.toString(), System.nanoTime() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(599, "interrupted", System.nanoTime() - t0);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
