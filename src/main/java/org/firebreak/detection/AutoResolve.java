package org.firebreak.detection;

/**
 * What an alert's clearing does: resolve the alert only and note it on the incident, which waits for a human
 * (ALERT, the default), or also resolve the incident once every alert of it has cleared (INCIDENT). Set per rule
 * ({@code autoResolve}) and per integration ({@code auto-resolve}).
 */
public enum AutoResolve {
    ALERT, INCIDENT
}
