package org.firebreak.notify;

/**
 * A notification as rendered once, when it was requested: every attempt sends exactly this.
 *
 * @param payload the JSON object webhooks receive, less the delivery's own fields
 */
record Message(String subject, String body, String payload) {
}
