package org.firebreak.detection;

/** A silence is ad hoc ("we know, stop opening incidents"); a maintenance window is planned work. Same effect. */
public enum SilenceKind {
    SILENCE, MAINTENANCE
}
