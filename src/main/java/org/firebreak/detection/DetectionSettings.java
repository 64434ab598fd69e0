package org.firebreak.detection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The external senders Firebreak accepts alerts from, each with its own secret, and the storm guard. */
@ConfigurationProperties("firebreak.detection")
record DetectionSettings(@Nullable List<Integration> integrations, @Nullable StormGuard stormGuard) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    DetectionSettings {
        integrations = integrations == null ? List.of() : List.copyOf(integrations);
        stormGuard = stormGuard == null ? new StormGuard(null, null, null) : stormGuard;
        Set<String> names = new HashSet<>();
        for (Integration i : integrations) {
            if (i.kind() == IntegrationKind.RULES || AlertApi.RULES.equals(i.name())) {
                throw new IllegalArgumentException("firebreak.detection.integrations: the name '" + AlertApi.RULES
                        + "' and the kind RULES are Firebreak's own rules; give the integration another name and the kind ALERTMANAGER or PAGERDUTY");
            }
            if (!names.add(i.name())) {
                throw new IllegalArgumentException("firebreak.detection.integrations: name '" + i.name()
                        + "' is used twice; each integration needs its own name");
            }
        }
    }

    /**
     * When more than {@code maxIncidents} incidents would open from alerts within {@code window}, further ones join one
     * storm incident instead of opening (and paging) anew, until a whole window passes with nothing new.
     */
    record StormGuard(@Nullable Boolean enabled, @Nullable Integer maxIncidents, @Nullable Duration window) {

        StormGuard {
            enabled = enabled == null || enabled;
            maxIncidents = maxIncidents == null ? 5 : maxIncidents;
            window = window == null ? Duration.ofSeconds(60) : window;
            if (maxIncidents < 1) {
                throw new IllegalArgumentException("firebreak.detection.storm-guard.max-incidents must be 1 or more, got "
                        + maxIncidents);
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("firebreak.detection.storm-guard.window must be positive, got "
                        + window);
            }
        }
    }

    /**
     * One sender. The secret is the Alertmanager bearer token or the PagerDuty routing key.
     *
     * @param defaultSeverity when the alert carries no severity Firebreak understands
     * @param defaultType when the alert names no firebreak_type; null means UNCLASSIFIED
     * @param autoResolve INCIDENT resolves an incident once all its alerts from this sender resolved; default ALERT
     */
    record Integration(String name, IntegrationKind kind, String secret, @Nullable Severity defaultSeverity,
            @Nullable IncidentType defaultType, @Nullable AutoResolve autoResolve) {

        Integration {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("firebreak.detection.integrations[].name must be lower-case "
                        + "letters, digits and dashes, got '" + name + "'");
            }
            if (kind == null) {
                throw new IllegalArgumentException("firebreak.detection.integrations[" + name
                        + "].kind must be ALERTMANAGER or PAGERDUTY");
            }
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException("firebreak.detection.integrations[" + name
                        + "].secret must be at least 16 characters");
            }
            defaultSeverity = defaultSeverity == null ? Severity.HIGH : defaultSeverity;
            autoResolve = autoResolve == null ? AutoResolve.ALERT : autoResolve;
        }

        /** Compares digests so neither the length nor a common prefix of the secret shows in the timing. */
        boolean accepts(@Nullable String presented) {
            return presented != null && MessageDigest.isEqual(digest(presented), digest(secret));
        }

        private static byte[] digest(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Never prints the secret, should the settings ever be logged. */
        @Override
        public String toString() {
            return "Integration[name=" + name + ", kind=" + kind + ", secret=****]";
        }
    }
}
