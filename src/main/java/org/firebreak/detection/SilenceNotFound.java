package org.firebreak.detection;

/** No silence with this id. */
public class SilenceNotFound extends RuntimeException {

    public SilenceNotFound(long id) {
        super("no silence #" + id);
    }
}
