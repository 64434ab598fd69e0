/**
 * Post-incident reviews, the plan's "Post-Incident" section and "Prevention → Documentation": a review per incident
 * (root cause analysis with contributing factors and five whys, the timeline generated from the incident's own with
 * key entries and context marked by the author, impact computed from the incident and the chain, lessons learned,
 * action items), moving draft → in review → published; Critical and High incidents close only once their review is
 * published. Exports as Markdown, PDF (from the review page's own XHTML) and a JSON archive of the whole incident;
 * action items across incidents with overdue ones flagged and their owners reminded; response analytics; playbooks
 * overdue for review and their owners reminded.
 */
@ApplicationModule(displayName = "Post-incident reviews",
        allowedDependencies = { "incident", "chain", "playbook", "notify", "shared" })
@NullMarked
package org.firebreak.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
