package org.firebreak.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    /** The API token of {@code name} on this server, made once (an account of the given role and a token). */
    public String tokenFor(String name, Role role) {
        return TOKENS.computeIfAbsent(base + "|" + name, key -> {
            Response created = raw("POST", "/api/v1/accounts", BOOTSTRAP_TOKEN,
                    "{\"username\": \"" + name + "\", \"role\": \"" + role + "\", \"signsIn\": false}");
            if (created.status() != 201 && created.status() != 409) {
                throw new IllegalStateException("cannot make the test account " + name + ": " + created);
            }
            Response token = raw("POST", "/api/v1/accounts/" + name + "/tokens", BOOTSTRAP_TOKEN, "{\"name\": \"tests\"}");
            if (token.status() != 201) {
                throw new IllegalStateException("cannot issue a token for " + name + ": " + token);
            }
            return token.json().get("token").asString();
        });
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** A GET as a browser sends it, accepting HTML (error pages render as pages then, not JSON). */
    public Response page(String path) {
        return raw("GET", path, actor == null ? null : tokenFor(actor, role), null, "text/html");
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    /** A form post, as a browser sends it ({@code application/x-www-form-urlencoded}); fields in pairs: name, value. */
    public Response form(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(fields[i], java.nio.charset.StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(fields[i + 1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return raw("POST", path, actor == null ? null : tokenFor(actor, role), body.toString(),
                "application/x-www-form-urlencoded");
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, @Nullable String json) {
        return raw(method, path, actor == null ? null : tokenFor(actor, role), json, "application/json");
    }

    private Response raw(String method, String path, @Nullable String token, @Nullable String json) {
        return raw(method, path, token, json, "application/json");
    }

    private Response raw(String method, String path, @Nullable String token, @Nullable String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else if (contentType.equals("text/html")) {
            request.header("Accept", "text/html").method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
