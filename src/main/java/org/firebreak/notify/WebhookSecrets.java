package org.firebreak.notify;

import java.util.Optional;

/**
 * The signing secret of a webhook that is no named channel but was handed out by another module (the status page
 * gives each webhook subscriber a secret of its own). Asked after the named channels and before
 * {@code firebreak.notify.default-webhook-secret}.
 */
public interface WebhookSecrets {

    Optional<String> secretFor(String url);
}
