/**
 * Incidents: classification by the plan's criteria, the status machine, the checklist instantiated from the
 * playbooks, and the append-only timeline. Other modules use {@link org.firebreak.incident.IncidentApi},
 * the view records and the events published here.
 */
@ApplicationModule(displayName = "Incidents", allowedDependencies = { "playbook", "shared" })
@NullMarked
package org.firebreak.incident;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
