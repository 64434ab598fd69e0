package org.firebreak.detection;

/** Whether the sender still reports the condition. Stored by name. */
public enum AlertStatus {
    FIRING, RESOLVED
}
