/**
 * Detection: turns signals into alerts, deduplicated by key, and alerts into incidents. This part takes external
 * alerts in (Prometheus Alertmanager webhooks, PagerDuty Events v2) through per-integration secrets. Other modules
 * use {@link org.firebreak.detection.AlertApi} and the records next to it.
 */
@ApplicationModule(displayName = "Detection", allowedDependencies = { "incident", "shared" })
@NullMarked
package org.firebreak.detection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
