package org.openperf.pages;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client for HTTP tests: a cookie jar, the login form, and the pages' CSRF token. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

    final String base;
    final HttpClient client;

    public PageSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The client with this session's cookies, for requests the helpers here do not make. */
    public HttpClient httpClient() {
        return client;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,*/*").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String csrf)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType).header("Accept", "text/html,*/*")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token a page carries (meta tag or the login form's hidden field). */
    public String csrf(String path) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new IllegalStateException(path + " carries no CSRF token");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    public HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        String token = csrf("/login");
        return post("/login", "application/x-www-form-urlencoded", "username=" + enc(user) + "&password="
                + enc(password) + "&_csrf=" + enc(token), null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
