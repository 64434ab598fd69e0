package org.firebreak.detection;

import org.firebreak.shared.NotFound;

/** No silence with this id. */
public class SilenceNotFound extends NotFound {

    public SilenceNotFound(long id) {
        super("Silence not found", "no silence #" + id);
    }
}
