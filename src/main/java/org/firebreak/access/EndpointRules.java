package org.firebreak.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.firebreak.shared.web.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which role each endpoint needs, in one table read top to bottom (the first match decides): public pages, then
 * admin, responder and commander changes, then viewer reads. Every endpoint the application maps has a row here
 * ({@code EndpointAccessTests} enumerates the handler mappings and fails otherwise, and keeps
 * {@code docs/endpoint-access.md} in step); the two catch-alls at the end only decide for a request to a path
 * nobody mapped: a read needs a viewer, a change an admin (closed, not open). The console's forms and the REST API follow the same split:
 * viewers read, responders work steps, notes and reviews, commanders change status and severity and run
 * actions, admins configure.
 */
final class EndpointRules {

    /**
     * A row of the table: requests it matches need {@code role}, or nobody signed in when {@code role} is null.
     * {@code listed} is false for the two catch-alls at the end, which only decide for an endpoint nobody listed.
     */
    record Rule(RequestMatcher matcher, @Nullable Role role, String description, boolean listed) {
    }

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private final List<Rule> rules = new ArrayList<>();

    EndpointRules() {
        // Public: the status page and its feeds, acknowledge links (the signed link is the credential), the
        // health probe, sign-in, static files, the alert intakes (each checks its own integration secret), and the
        // on-call calendar feeds (calendar apps cannot sign in; the feed URL's token is the credential).
        open(null, "/status", "/status/**", "/api/v2/**", "/actuator/health", "/actuator/health/**", "/login", "/error",
                "/console/**", "/webjars/**", "/favicon.ico");
        open(HttpMethod.GET, "/ack/**", "/calendars/schedules/*", "/calendars/people/*");
        open(HttpMethod.POST, "/ack/**", "/api/v1/integrations/*/alertmanager", "/api/v1/integrations/*/pagerduty");

        // Anyone signed in: who am I, one's own password and tokens.
        need(Role.VIEWER, null, "/api/v1/me", "/api/v1/me/**", "/account", "/account/**");

        need(Role.ADMIN, null, "/admin", "/admin/**", "/api/v1/accounts", "/api/v1/accounts/**");

        need(Role.COMMANDER, HttpMethod.POST, "/api/v1/incidents/*/status", "/api/v1/incidents/*/severity",
                "/api/v1/incidents/*/responders", "/api/v1/incidents/*/actions/**", "/api/v1/incidents/*/escalate",
                "/api/v1/silences", "/api/v1/silences/**", "/api/v1/oncall/**",
                "/incidents/*/status", "/incidents/*/severity", "/incidents/*/commander", "/incidents/*/responders",
                "/incidents/*/responders/**", "/incidents/*/actions/**");
        need(Role.COMMANDER, HttpMethod.PUT, "/api/v1/incidents/*/commander");
        need(Role.COMMANDER, HttpMethod.DELETE, "/api/v1/incidents/*/responders/**");

        // Acknowledging or resolving a selection at once: a responder gets this far; the action is in the body, where
        // this table cannot look, so the handler asks for the role each action needs (BulkAction: ACKNOWLEDGE a
        // responder, as one acknowledge in the console; RESOLVE a commander, as one status change).
        need(Role.RESPONDER, HttpMethod.POST, "/api/v1/incidents/bulk", "/incidents/bulk");
        need(Role.RESPONDER, HttpMethod.POST, "/api/v1/incidents", "/api/v1/incidents/*/notes",
                "/api/v1/incidents/*/checklist/**", "/api/v1/incidents/*/updates", "/api/v1/incidents/*/components",
                "/api/v1/incidents/*/review", "/api/v1/incidents/*/review/**", "/api/v1/diagnostics/**",
                "/api/v1/incidents/*/alert-groups/*/split", "/api/v1/incidents/*/acknowledge",
                "/incidents", "/incidents/*/steps/**", "/incidents/*/notes", "/incidents/*/updates",
                "/incidents/*/acknowledge", "/reviews", "/reviews/**", "/action-items/**",
                "/incidents/*/alert-groups/*/split");
        need(Role.RESPONDER, HttpMethod.PATCH, "/api/v1/incidents/*/review", "/api/v1/action-items/**");
        need(Role.RESPONDER, HttpMethod.PUT, "/api/v1/incidents/*/review/**");
        need(Role.RESPONDER, HttpMethod.DELETE, "/api/v1/incidents/*/components/**");

        // Reads: a viewer reads everything below (the console's pages and panels, the API's resources, metrics and
        // the API document); accounts and tokens above are an admin's or one's own.
        need(Role.VIEWER, HttpMethod.GET, "/", "/events", "/panels/**", "/incidents", "/incidents/**", "/oncall",
                "/playbooks", "/playbooks/**", "/reviews", "/reviews/**", "/action-items",
                "/api/v1/incidents", "/api/v1/incidents/**", "/api/v1/action-items", "/api/v1/action-items/**",
                "/api/v1/alerts", "/api/v1/integrations/*/alerts/**", "/api/v1/statuspage/subscribers", "/api/v1/rules", "/api/v1/silences",
                "/api/v1/silences/**", "/api/v1/analytics", "/api/v1/chain/**", "/api/v1/diagnostics",
                "/api/v1/diagnostics/**", "/api/v1/oncall/**", "/api/v1/playbooks", "/api/v1/playbooks/**",
                "/actuator", "/actuator/info", "/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus",
                "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**");

        // Only for what nobody listed (EndpointAccessTests fails for any mapped endpoint that gets here): a viewer
        // may read it, an admin change it.
        for (HttpMethod read : List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)) {
            rules.add(new Rule(request -> read.matches(request.getMethod()), Role.VIEWER, "any other read", false));
        }
        rules.add(new Rule(request -> true, Role.ADMIN, "any other change", false));
    }

    private void open(@Nullable HttpMethod method, String... patterns) {
        need(null, method, patterns);
    }

    private void need(@Nullable Role role, @Nullable HttpMethod method, String... patterns) {
        for (String pattern : patterns) {
            rules.add(new Rule(PATHS.matcher(method, pattern), role, (method == null ? "" : method.name() + " ") + pattern,
                    true));
        }
    }

    /** The rule deciding this request. */
    Rule ruleFor(HttpServletRequest request) {
        return rules.stream().filter(rule -> rule.matcher().matches(request)).findFirst().orElseThrow();
    }

    /** The role this request needs; empty when it is public. */
    Optional<Role> required(HttpServletRequest request) {
        return Optional.ofNullable(ruleFor(request).role());
    }
}
