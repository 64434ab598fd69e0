/**
 * The public status page: components with a status derived from open incidents, firing detection alerts and
 * maintenance windows; active incidents with their public updates; 90 days of history. Served as a server-rendered
 * page, as a JSON document in the shape of Atlassian Statuspage's v2 {@code summary.json} and as an Atom feed, so
 * existing status consumers work unchanged. Read-only and public; computed on each request, so it is never stale.
 * Subscribers (email, confirmed by a link; webhooks, signed) are told through notify when a component's status or
 * the public updates change, never about anything internal.
 */
@ApplicationModule(displayName = "Status page", allowedDependencies = { "incident", "detection", "comms", "playbook", "notify", "shared" })
@NullMarked
package org.firebreak.statuspage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
