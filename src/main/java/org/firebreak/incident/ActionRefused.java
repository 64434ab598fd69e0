package org.firebreak.incident;

import org.firebreak.shared.Refused;

/** An action the {@link ActionPolicy} does not allow this person to run (HTTP 403). */
public class ActionRefused extends Refused {

    ActionRefused(String reason) {
        super("Action refused", reason);
    }
}
