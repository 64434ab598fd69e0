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
 * admin, responder and commander changes; any other read needs a viewer, any other change an admin (so an
 * endpoint nobody listed is closed, not open). The console's forms and the REST API follow the same split:
 * viewers read, responders work steps, notes and reviews, commanders change status and severity and run
 * actions, admins configure.
 */
final class EndpointRules {

    /** A row of the table: requests it matches need {@code role}, or nobody signed in when {@code role} is null. */
    record Rule(RequestMatcher matcher, @Nullable Role role, String description) {
    }

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
    private final List<Rule> rules = new ArrayList<>();

    EndpointRules() {
        // Public: the status page and its feeds, acknowledge links (the signed link is the credential), the
        // health probe, sign-in, static files, and the alert intakes (each checks its own integration secret).
        open(null, "/status", "/status/**", "/api/v2/**", "/actuator/health", "/actuator/health/**", "/login", "/error",
                "/console/**", "/webjars/**", "/favicon.ico");
        open(HttpMethod.GET, "/ack/**");
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
                "/api/v1/incidents/*/alert-groups/*/split",
                "/incidents", "/incidents/*/steps/**", "/incidents/*/notes", "/incidents/*/updates",
                "/incidents/*/acknowledge", "/reviews", "/reviews/**", "/action-items/**",
                "/incidents/*/alert-groups/*/split");
        need(Role.RESPONDER, HttpMethod.PATCH, "/api/v1/incidents/*/review", "/api/v1/action-items/**");
        need(Role.RESPONDER, HttpMethod.PUT, "/api/v1/incidents/*/review/**");
        need(Role.RESPONDER, HttpMethod.DELETE, "/api/v1/incidents/*/components/**");

        for (HttpMethod read : List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)) {
            rules.add(new Rule(request -> read.matches(request.getMethod()), Role.VIEWER, "reading"));
        }
        rules.add(new Rule(request -> true, Role.ADMIN, "any other change"));
    }

    private void open(@Nullable HttpMethod method, String... patterns) {
        need(null, method, patterns);
    }

    private void need(@Nullable Role role, @Nullable HttpMethod method, String... patterns) {
        for (String pattern : patterns) {
            rules.add(new Rule(PATHS.matcher(method, pattern), role, (method == null ? "" : method.name() + " ") + pattern));
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
