package org.firebreak.detection;

/**
 * Where an alert stands: the sender still reports it (FIRING), it fires but an active silence or maintenance window
 * keeps it from opening an incident (SUPPRESSED), or it cleared (RESOLVED). Stored by name.
 */
public enum AlertStatus {
    FIRING, SUPPRESSED, RESOLVED;

    public boolean isActive() {
        return this != RESOLVED;
    }
}
