package org.firebreak.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for integration tests: what goes over the wire is what is asserted. */
public final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String actor = "alice";

    public HttpApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpApi as(String actor) {
        this.actor = actor;
        return this;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    /** A browser's form post: {@code application/x-www-form-urlencoded}, the given name and value pairs in order. */
    public Response postForm(String path, String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Firebreak-Actor", actor).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        return exchange(request);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Firebreak-Actor", actor);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(request.build());
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String location, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
