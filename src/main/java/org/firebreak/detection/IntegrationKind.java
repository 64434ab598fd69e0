package org.firebreak.detection;

/** The wire format an integration speaks; each has its own endpoint. */
public enum IntegrationKind {
    ALERTMANAGER, PAGERDUTY
}
