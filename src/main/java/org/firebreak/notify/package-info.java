/**
 * Notify: messages about incidents to people and channels (generic webhook, Slack-compatible webhook, email, the
 * console, ntfy push, Telegram, Matrix, an SMS gateway), from templates per message kind. Other modules call
 * {@link org.firebreak.notify.NotificationApi} inside their own transaction; delivery runs after commit through the
 * Modulith event publication registry, so a requested message survives a crash, and every attempt lands on the
 * incident's timeline.
 */
@ApplicationModule(displayName = "Notify", allowedDependencies = { "incident", "shared" })
@NullMarked
package org.firebreak.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
