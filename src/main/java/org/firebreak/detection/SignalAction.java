package org.firebreak.detection;

/** What a signal says about its alert: it fires (again), someone acknowledged it at the source, or it cleared. */
public enum SignalAction {
    TRIGGER, ACKNOWLEDGE, RESOLVE
}
