package org.firebreak.console.lists;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.firebreak.support.HttpApi;

/**
 * What a browser sends to the console: GETs with htmx's headers, and HTML forms posted url-encoded, as the actor of
 * the X-Firebreak-Actor header. Redirects are not followed, so a test sees the 303 and where it points.
 */
final class ConsoleHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ConsoleHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpApi.Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    /** Posts the fields in order; a field given several times (a list) is a {@code List} value. */
    HttpApi.Response form(String path, Map<String, ?> fields) {
        String body = fields.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> values ? values
                : List.of(e.getValue())).stream().map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v))))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    private HttpApi.Response send(HttpRequest.Builder request, String... headers) {
        request.timeout(Duration.ofSeconds(30)).header("X-Firebreak-Actor", "alice");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpApi.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
