package org.firebreak.detection;

/**
 * Where alerts come from: an external sender's wire format (each with its own endpoint), or Firebreak's own rules
 * (the built-in integration {@value AlertApi#RULES}, which takes no secret because nothing outside can reach it).
 */
public enum IntegrationKind {
    ALERTMANAGER, PAGERDUTY, RULES
}
