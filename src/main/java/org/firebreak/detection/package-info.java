/**
 * Detection: turns signals into alerts, deduplicated by key, and alerts into incidents. Signals come from
 * Firebreak's own rules ({@code rules}: chain events, diagnostics and metrics, in YAML) and from external senders
 * (Prometheus Alertmanager webhooks, PagerDuty Events v2) through per-integration secrets. Alerts are grouped,
 * damped against flapping and held back by silences and maintenance windows; a silence's author is reminded through
 * the notify module before it ends and when it has held alerts back for long, and a maintenance window that begins
 * is published ({@link org.firebreak.detection.MaintenanceWindowBegan}) for on-call to stop paging. Other modules use
 * {@link org.firebreak.detection.AlertApi}, {@link org.firebreak.detection.SilenceApi} and the records next to them.
 */
@ApplicationModule(displayName = "Detection", allowedDependencies = { "incident", "chain", "notify", "playbook", "shared" })
@NullMarked
package org.firebreak.detection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
