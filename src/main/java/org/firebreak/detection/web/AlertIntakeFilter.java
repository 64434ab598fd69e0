package org.firebreak.detection.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.firebreak.detection.AlertApi;
import org.firebreak.detection.IntegrationKind;
import org.firebreak.detection.IntegrationNotFound;
import org.firebreak.detection.SecretRejected;
import org.firebreak.detection.Signal;
import org.firebreak.shared.web.InvalidRequestField;
import org.firebreak.shared.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert intakes, ahead of the rest of the web stack: Alertmanager posts all day, and a sender's request needs
 * none of what the console and the API need (sessions, sign-in, CSRF, handler mapping), only its integration's
 * secret. So the two intake endpoints are answered here, before any other filter, and every other request passes on.
 * What they answer is the API's: RFC 9457 problem details naming the field, 401 with {@code WWW-Authenticate} for a
 * wrong secret, nothing stored unless the answer is 2xx. The body is read only after the secret is checked (for
 * Alertmanager, from its header), so a stranger learns nothing about the format. Documented in the OpenAPI
 * description by {@link AlertIntakeEndpoints}.
 */
final class AlertIntakeFilter implements jakarta.servlet.Filter {

    static final String PATHS = "/api/v1/integrations/*";
    private static final Pattern INTAKE = Pattern.compile("/api/v1/integrations/([^/]+)/(alertmanager|pagerduty)");
    private static final String BEARER = "Bearer ";
    /** Alertmanager's biggest notification (1,000 alerts with long labels) fits many times over. */
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(AlertIntakeFilter.class);

    private final AlertApi alerts;
    private final JsonMapper json;
    private final Timer.Builder timer;
    private final MeterRegistry meters;
    /** The timers by kind and status, looked up once: a registry lookup a request is a cost senders notice. */
    private final Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    AlertIntakeFilter(AlertApi alerts, JsonMapper json, MeterRegistry meters) {
        this.alerts = alerts;
        this.json = json;
        this.meters = meters;
        this.timer = Timer.builder("firebreak.alert.intake.requests")
                .description("Alert sender requests answered by the intake, by integration kind and status");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        Matcher intake = INTAKE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!"POST".equals(request.getMethod()) || !intake.matches()) {
            chain.doFilter(req, res);
            return;
        }
        long start = System.nanoTime();
        HttpServletResponse response = (HttpServletResponse) res;
        String name = intake.group(1);
        IntegrationKind kind = intake.group(2).equals("alertmanager") ? IntegrationKind.ALERTMANAGER
                : IntegrationKind.PAGERDUTY;
        int status;
        try {
            status = kind == IntegrationKind.ALERTMANAGER ? alertmanager(name, request, response)
                    : pagerduty(name, request, response);
        } catch (SecretRejected e) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            status = problem(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "Wrong or missing secret",
                    e.getMessage()));
        } catch (IntegrationNotFound | InvalidRequestField e) {
            status = problem(request, response, Problems.of(e));
        } catch (BodyTooLarge e) {
            status = problem(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "the body is larger than " + MAX_BODY / (1024 * 1024) + " MiB"));
        } catch (RuntimeException e) {
            log.error("alert intake {} {} failed", kind, name, e);
            status = problem(request, response, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                    "the alerts were not stored; send them again"));
        }
        int answered = status;
        timers.computeIfAbsent(kind.name() + answered, k -> timer.tags("kind", kind.name().toLowerCase(java.util.Locale.ROOT),
                "status", Integer.toString(answered)).register(meters))
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private int alertmanager(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).strip() : null;
        alerts.authenticate(name, IntegrationKind.ALERTMANAGER, token, "the Authorization: Bearer header");
        List<Signal> signals = AlertmanagerWebhook.signals(read(request));
        int stored = alerts.receive(name, IntegrationKind.ALERTMANAGER, signals);
        return answer(response, HttpStatus.OK, MediaType.APPLICATION_JSON_VALUE,
                new IntegrationController.AlertmanagerAnswer("success", stored));
    }

    private int pagerduty(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode event = read(request);
        alerts.authenticate(name, IntegrationKind.PAGERDUTY, PagerDutyEvent.routingKey(event), "routing_key");
        Signal signal = PagerDutyEvent.signal(event);
        alerts.receive(name, IntegrationKind.PAGERDUTY, List.of(signal));
        return answer(response, HttpStatus.ACCEPTED, MediaType.APPLICATION_JSON_VALUE,
                new IntegrationController.PagerDutyAnswer("success", "Event processed", signal.dedupKey()));
    }

    private JsonNode read(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new BodyTooLarge();
        }
        if (isBlank(body)) {
            throw new InvalidRequestField("body", "the request body is missing");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestField("body", "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private int answer(HttpServletResponse response, HttpStatus status, String type, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status.value());
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        return status.value();
    }

    /** The same fields, in the same order, as the API's problem details. */
    private int problem(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        body.put("status", problem.getStatus());
        body.put("title", problem.getTitle());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return answer(response, HttpStatus.valueOf(problem.getStatus()), MediaType.APPLICATION_PROBLEM_JSON_VALUE, body);
    }

    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }
}
