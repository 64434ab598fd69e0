package org.firebreak.shared;

/**
 * The plan's severity levels, most severe first. Stored and exchanged by name, never by ordinal.
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** True when this level is strictly more severe than {@code other}. */
    public boolean isMoreSevereThan(Severity other) {
        return ordinal() < other.ordinal();
    }

    /** The more severe of the two levels. */
    public static Severity mostSevere(Severity a, Severity b) {
        return a.isMoreSevereThan(b) ? a : b;
    }
}
