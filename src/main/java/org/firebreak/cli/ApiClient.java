package org.firebreak.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client of Firebreak's REST API; failures become {@link CliFailure} with a one-line message. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final @Nullable String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(URI base, @Nullable String token) {
        this.base = base;
        this.token = token;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, @Nullable Object body) {
        return send("POST", path, body);
    }

    JsonNode patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** A document the API serves as it is (Markdown, PDF): the bytes, or the problem's detail as a failure. */
    byte[] download(String path, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept + ", application/problem+json").GET();
        HttpRequest request = signed(builder).build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            JsonNode json = parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            throw new CliFailure(1, json != null && json.has("detail") ? json.get("detail").asString()
                    : "HTTP " + response.statusCode());
        }
        return response.body();
    }

    static String query(Map<String, ?> params) {
        String q = params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return q.isEmpty() ? "" : "?" + q;
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, @Nullable Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        signed(request);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = exchange(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = parse(response.body());
        if (response.statusCode() >= 400) {
            String detail = json != null && json.has("detail") ? json.get("detail").asString()
                    : "HTTP " + response.statusCode();
            if (response.statusCode() == 401 && token == null) {
                detail += " (no API token: set FIREBREAK_TOKEN, --token or --token-file)";
            }
            throw new CliFailure(1, detail);
        }
        if (json == null) {
            throw new CliFailure(1, "Firebreak answered HTTP " + response.statusCode() + " with no JSON");
        }
        return json;
    }

    private HttpRequest.Builder signed(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (ConnectException e) {
            throw new CliFailure(3, "cannot reach Firebreak at " + base + " (is it up? set --server or FIREBREAK_URL)");
        } catch (IOException e) {
            throw new CliFailure(3, "request to " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(3, "interrupted");
        }
    }

    private static @Nullable JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
