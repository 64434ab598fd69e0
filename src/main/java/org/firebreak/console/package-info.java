/**
 * The web console's frame and the pages that combine modules: the dashboard, the incident room (timeline, checklist,
 * alerts, escalation, status updates) and the live changes behind them. A page that shows one module's data lives in
 * that module's {@code web} package as a {@code @ConsolePage} (incident list and open form, reviews, action items,
 * analytics, on-call, playbooks, accounts); all share the frame ({@code templates/console/layout.html}). Server-rendered
 * Thymeleaf pages with htmx and server-sent events; it reads and acts through the other modules' APIs only.
 */
@ApplicationModule(displayName = "Web console",
        allowedDependencies = { "incident", "chain", "comms", "detection", "oncall", "statuspage", "shared" })
@NullMarked
package org.firebreak.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
