package org.firebreak.detection;

/** No integration of that name speaks that wire format. */
public class IntegrationNotFound extends RuntimeException {

    IntegrationNotFound(String name, IntegrationKind kind) {
        super("no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " integration named '" + name
                + "' is configured (firebreak.detection.integrations)");
    }
}
