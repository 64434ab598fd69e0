package org.firebreak.comms;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who may read a status update: the responders and stakeholders only, or also the public status page. */
public enum Visibility {
    INTERNAL, PUBLIC;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
