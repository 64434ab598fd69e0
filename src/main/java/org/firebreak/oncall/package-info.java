/**
 * On-call: people and their contact methods, schedules (rotations, layers, overrides) that say who is on call at
 * any moment, and the escalation policies that page an incident's levels one after the other until someone
 * acknowledges. Other modules and the web use {@link org.firebreak.oncall.OnCallApi} and
 * {@link org.firebreak.oncall.EscalationApi}; paging reacts to the incident module's events and asks the notify
 * module to deliver. A maintenance window of the detection module stops paging the incidents it covers (its event,
 * and {@link org.firebreak.detection.SilenceApi#maintenanceCovering} before each page).
 */
@ApplicationModule(displayName = "On-call", allowedDependencies = { "incident", "detection", "notify", "playbook", "shared" })
@NullMarked
package org.firebreak.oncall;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
