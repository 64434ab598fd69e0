package org.firebreak.incident;

/** An action the {@link ActionPolicy} does not allow this person to run (HTTP 403). */
public class ActionRefused extends RuntimeException {

    ActionRefused(String reason) {
        super(reason);
    }
}
