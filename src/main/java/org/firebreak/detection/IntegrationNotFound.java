package org.firebreak.detection;

import org.firebreak.shared.NotFound;

/** No integration of that name speaks that wire format. */
public class IntegrationNotFound extends NotFound {

    IntegrationNotFound(String name, IntegrationKind kind) {
        super("Integration not found", "no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " integration named '" + name
                + "' is configured (firebreak.detection.integrations)");
    }
}
