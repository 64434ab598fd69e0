/**
 * The web console, where an on-call engineer works an incident: the dashboard, the incident room, opening an
 * incident by form, the lists (incidents, playbooks, on-call, reviews, action items) and analytics. Server-rendered
 * Thymeleaf pages with htmx and server-sent events; it reads and acts through the other modules' APIs only.
 */
@ApplicationModule(displayName = "Web console")
@NullMarked
package org.firebreak.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
