/**
 * Communication duties of the plan: stakeholder groups per component, told at once about a Critical incident; the
 * commander reminded to post a status update every {@code firebreak.comms.status-update-every} until it is resolved;
 * High incidents announced to the team with a request to update the status page; and status updates as first-class
 * records that go to the timeline, to the stakeholders and, when public, to the status page
 * ({@link org.firebreak.comms.StatusUpdates#publicUpdates}).
 */
@ApplicationModule(displayName = "Communication", allowedDependencies = { "incident", "notify", "playbook", "shared" })
@NullMarked
package org.firebreak.comms;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
