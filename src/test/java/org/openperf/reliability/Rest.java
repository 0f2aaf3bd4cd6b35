package org.openperf.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP with Basic auth against one node, JSON in and out; only 127.0.0.1. */
final class Rest {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    Rest(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    record Answer(int status, String body, long nanos) {

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
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = b.header("Authorization", "Basic " + auth).header("Accept", accept)
                .timeout(Duration.ofSeconds(60)).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), System.nanoTime() - t0);
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
