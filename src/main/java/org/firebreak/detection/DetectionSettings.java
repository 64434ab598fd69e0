package org.firebreak.detection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The external senders Firebreak accepts alerts from, each with its own secret. */
@ConfigurationProperties("firebreak.detection")
record DetectionSettings(@Nullable List<Integration> integrations) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    DetectionSettings {
        integrations = integrations == null ? List.of() : List.copyOf(integrations);
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
     * One sender. The secret is the Alertmanager bearer token or the PagerDuty routing key.
     *
     * @param defaultSeverity when the alert carries no severity Firebreak understands
     * @param defaultType when the alert names no firebreak_type; null means UNCLASSIFIED
     */
    record Integration(String name, IntegrationKind kind, String secret, @Nullable Severity defaultSeverity,
            @Nullable IncidentType defaultType) {

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
