package org.firebreak.support;

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
import java.util.concurrent.ConcurrentHashMap;

import org.firebreak.shared.web.Role;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for integration tests: what goes over the wire is what is asserted. Requests are signed in
 * with an API token of the account named by {@link #as}: the account (an admin unless a role is given) and its
 * token are made through the real account API with the test contexts' bootstrap token, once per server.
 * Redirects are not followed: a test sees the 302 and its Location.
 */
public final class HttpApi {

    /** The admin token every test context is configured with ({@code firebreak.access.bootstrap-token}). */
    public static final String BOOTSTRAP_TOKEN = "fbk_integration-tests-bootstrap-token-0123456789";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private @Nullable String actor = "alice";
    private Role role = Role.ADMIN;

    public HttpApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Acts as this account, an admin (made on first use). */
    public HttpApi as(String actor) {
        return as(actor, Role.ADMIN);
    }

    /** Acts as this account with this role (made on first use; an existing account keeps its role). */
    public HttpApi as(String actor, Role role) {
        this.actor = actor;
        this.role = role;
        return this;
    }

    /** Sends no credentials at all. */
    public HttpApi anonymous() {
        this.actor = null;
        return this;
    }

    /**
     * The API token of {@code name} on this server, made once (an account of the given role and a token). Tokens are
     * kept per address, and a port is sometimes given again to a later server (a test context or a {@link
     * FirebreakProcess} that stopped, then another that started): a kept token this server never issued is made anew.
     */
    public String tokenFor(String name, Role role) {
        String kept = TOKENS.get(base + "|" + name);
        if (kept != null && !issuedHere(name, kept)) {
            TOKENS.remove(base + "|" + name, kept);
        }
        return issued(name, role);
    }

    /** Keeps a token for the account at this address as if an earlier server had issued it (for HttpApiTokensTests). */
    void keep(String name, String token) {
        TOKENS.put(base + "|" + name, token);
    }

    private String issued(String name, Role role) {
        return TOKENS.computeIfAbsent(base + "|" + name, key -> {
            Response created = exchange("POST", "/api/v1/accounts", BOOTSTRAP_TOKEN, "application/json",
                    "{\"username\": \"" + name + "\", \"role\": \"" + role + "\", \"signsIn\": false}");
            if (created.status() != 201 && created.status() != 409) {
                throw new IllegalStateException("cannot make the test account " + name + ": " + created);
            }
            Response token = exchange("POST", "/api/v1/accounts/" + name + "/tokens", BOOTSTRAP_TOKEN, "application/json",
                    "{\"name\": \"tests\"}");
            if (token.status() != 201) {
                throw new IllegalStateException("cannot issue a token for " + name + ": " + token);
            }
            return token.json().get("token").asString();
        });
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** A GET with extra headers, name then value (htmx's HX-Request, say). */
    public Response get(String path, String... headers) {
        return exchange("GET", path, token(), null, null, headers);
    }

    /** A GET as a browser sends it, accepting HTML (error pages render as pages then, not JSON). */
    public Response page(String path) {
        return get(path, "Accept", "text/html");
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    /** A JSON post with its own bearer secret instead of an API token, as alert senders (Alertmanager) post. */
    public Response postBearer(String path, String secret, String json) {
        return exchange(request("POST", path, secret, "application/json", json));
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, @Nullable String json) {
        return exchange(method, path, token(), json == null ? null : "application/json", json);
    }

    /**
     * Posts an HTML form url-encoded, the fields in order; a field with a {@code List} value is sent once per
     * element, as a form's repeated inputs are.
     */
    public Response form(String path, Map<String, ?> fields) {
        return form(path, fields.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> values ? values
                : List.of(e.getValue())).stream().flatMap(v -> java.util.stream.Stream.of(e.getKey(), String.valueOf(v))))
                .toArray(String[]::new));
    }

    /** A form post with the fields in pairs, name then value, in order; a name may repeat (checkboxes). */
    public Response form(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return exchange("POST", path, token(), "application/x-www-form-urlencoded", body.toString());
    }

    private @Nullable String token() {
        return actor == null ? null : issued(actor, role);
    }

    /** Whether this server issued the token to the account, revoked or not: by the token's prefix it lists. */
    private boolean issuedHere(String name, String token) {
        Response tokens = exchange(request("GET", "/api/v1/accounts/" + name + "/tokens", BOOTSTRAP_TOKEN, null, null));
        if (tokens.status() != 200) {
            return false;
        }
        for (JsonNode t : tokens.json()) {
            if (token.startsWith(t.get("prefix").asString())) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Response exchange(String method, String path, @Nullable String token, @Nullable String contentType,
            @Nullable String body, String... headers) {
        Response response = exchange(request(method, path, token, contentType, body, headers));
        if (response.status() == 401 && actor != null && token != null && token.equals(TOKENS.get(base + "|" + actor))
                && !issuedHere(actor, token)) {
            // A token kept for this address from an earlier server on the same port: make one here, once.
            TOKENS.remove(base + "|" + actor, token);
            return exchange(request(method, path, issued(actor, role), contentType, body, headers));
        }
        return response;
    }

    private HttpRequest request(String method, String path, @Nullable String token, @Nullable String contentType,
            @Nullable String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
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
