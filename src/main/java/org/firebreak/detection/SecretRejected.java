package org.firebreak.detection;

/** The presented secret is missing or is not the integration's. The message never contains either secret. */
public class SecretRejected extends RuntimeException {

    SecretRejected(String name, String where) {
        super("integration '" + name + "' needs its secret in " + where);
    }
}
