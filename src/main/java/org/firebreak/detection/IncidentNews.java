package org.firebreak.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.firebreak.detection.DetectionSettings.Integration;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * What one request did to each incident's alerts, told once per incident when the request is done: one entry
 * for a whole group joining, resolving or firing again, then the title (a group's count of alerts), then the
 * status (acknowledged at the source; resolved once every alert cleared, where that was asked for).
 */
final class IncidentNews {

    private final Integration source;
    private final IncidentApi incidents;
    private final Alerts alerts;
    private final AlertGroups groups;
    private final Map<IncidentId, IncidentStatus> statuses = new HashMap<>();
    private final Map<IncidentId, News> news = new TreeMap<>(java.util.Comparator.comparingLong(IncidentId::number));

    IncidentNews(Integration source, IncidentApi incidents, Alerts alerts, AlertGroups groups) {
        this.source = source;
        this.incidents = incidents;
        this.alerts = alerts;
        this.groups = groups;
    }

    private final class News {
        final List<String> entries = new ArrayList<>();
        final List<AlertView> resolved = new ArrayList<>();
        final List<AlertView> firingAgain = new ArrayList<>();
        @Nullable String firingAgainSource;
        boolean resolves;
        @Nullable AlertView acknowledgedBy;
        AlertGroups.@Nullable Group retitleGroup;
        @Nullable Signal retitleFirst;
        boolean retitleStorm;
    }

    private News of(IncidentId id) {
        return news.computeIfAbsent(id, k -> new News());
    }

    boolean isOpen(IncidentId id) {
        return statuses.computeIfAbsent(id, k -> incidents.get(k).status()).isOpen();
    }

    void opened(IncidentId id, AlertGroups.Group group, List<AlertView> members, Signal first, String how) {
        statuses.put(id, IncidentStatus.TRIGGERED);
        of(id).entries.add(members.size() == 1 ? how + " " + AlertLifecycle.describe(source, members.getFirst()) + ": " + first.source()
                : how + " " + members.size() + " alerts of group '" + group.name() + "' of "
                        + source.kind().name().toLowerCase(Locale.ROOT) + " integration '" + source.name() + "' ("
                        + keys(members) + "): " + first.source());
    }

    void joined(IncidentId id, AlertGroups.Group group, List<AlertView> members, Signal first) {
        News n = of(id);
        n.entries.add(members.size() == 1
                ? "Alert " + AlertLifecycle.describe(source, members.getFirst()) + " joins this incident (group '" + group.name()
                        + "'): " + first.title() + ": " + first.source()
                : members.size() + " alerts join this incident (group '" + group.name() + "'): " + keys(members)
                        + ": " + first.source());
        if (group.absorbed()) {
            n.retitleStorm = true;
        } else {
            n.retitleGroup = group;
            n.retitleFirst = first;
        }
    }

    void stormOpened(IncidentId id, long recent, String limit) {
        statuses.put(id, IncidentStatus.TRIGGERED);
        of(id).entries.add("Storm guard: " + recent + " incidents opened from alerts already (" + limit
                + " is a storm): this incident takes in what would open next, and pages once, until a whole "
                + "window passes with nothing new");
    }

    void absorbed(IncidentId id, AlertGroups.Group group, List<AlertView> members, Signal first, Severity severity,
            String limit) {
        News n = of(id);
        n.entries.add("Storm guard took in group '" + group.name() + "' (group " + group.id() + ", " + AlertLifecycle.counted(members.size(), "alert") + ": " + keys(members) + "), which would have opened a "
                + severity + " incident '" + AlertLifecycle.titleOf(group, first, members.size()) + "' (" + limit
                + "); split it out to give it its own incident");
        n.retitleStorm = true;
    }

    void firesAgain(IncidentId id, AlertView alert, Signal signal) {
        News n = of(id);
        n.firingAgain.add(alert);
        n.firingAgainSource = signal.source();
    }

    void acknowledged(IncidentId id, AlertView alert) {
        of(id).acknowledgedBy = alert;
    }

    void resolved(IncidentId id, AlertView alert, boolean resolvesIncident) {
        News n = of(id);
        n.resolved.add(alert);
        n.resolves |= resolvesIncident;
    }

    void retitleStorm(IncidentId id) {
        of(id).retitleStorm = true;
    }

    void tell(Instant now) {
        news.forEach((id, n) -> {
            String actor = AlertLifecycle.actor(source);
            n.entries.forEach(entry -> incidents.addNote(id, entry, actor));
            if (!n.firingAgain.isEmpty()) {
                incidents.addNote(id, n.firingAgain.size() == 1
                        ? "Alert " + AlertLifecycle.describe(source, n.firingAgain.getFirst()) + " fires again (seen "
                                + n.firingAgain.getFirst().count() + " times): " + n.firingAgainSource
                        : n.firingAgain.size() + " alerts fire again (" + keys(n.firingAgain) + "): "
                                + n.firingAgainSource, actor);
            }
            retitle(id, n);
            if (n.acknowledgedBy != null && incidents.get(id).status() == IncidentStatus.TRIGGERED) {
                incidents.changeStatus(id, IncidentStatus.ACKNOWLEDGED,
                        "Acknowledged at the source: alert " + AlertLifecycle.describe(source, n.acknowledgedBy), actor);
            }
            if (!n.resolved.isEmpty()) {
                tellResolved(id, n, actor);
            }
        });
    }

    private void retitle(IncidentId id, News n) {
        if (n.retitleStorm) {
            long taken = groups.absorbedInto(id);
            long total = alerts.tally(id).total();
            incidents.retitle(id, "Alert storm: " + AlertLifecycle.counted(taken, "group") + " taken in, "
                    + AlertLifecycle.counted(total, "alert"), AlertLifecycle.actor(source));
        } else if (n.retitleGroup != null && n.retitleFirst != null) {
            incidents.retitle(id, AlertLifecycle.titleOf(n.retitleGroup, n.retitleFirst, alerts.tally(id).total()), AlertLifecycle.actor(source));
        }
    }

    private void tellResolved(IncidentId id, News n, String actor) {
        IncidentStatus status = incidents.get(id).status();
        Alerts.Tally tally = alerts.tally(id);
        boolean allClear = tally.active() == 0;
        AlertView last = n.resolved.getLast();
        String how = source.kind() == IntegrationKind.RULES ? " cleared" : " resolved at the source";
        if (n.resolves && status.isOpen() && allClear) {
            incidents.changeStatus(id, IncidentStatus.RESOLVED, n.resolved.size() == 1 && tally.total() == 1
                    ? "Resolved automatically: alert " + AlertLifecycle.describe(source, last) + how + " after " + last.count()
                            + " reports and no other alert of this incident fires"
                    : "Resolved automatically: all " + tally.total() + " alerts of this incident have resolved (the"
                            + " last " + n.resolved.size() + how + ": " + keys(n.resolved) + ")", actor);
        } else if (n.resolved.size() == 1) {
            incidents.addNote(id, "Alert " + AlertLifecycle.describe(source, last) + how + " after " + last.count()
                    + " reports; the incident stays " + status + (allClear ? " for a human to resolve"
                            : " while its other alerts fire"), actor);
        } else {
            incidents.addNote(id, n.resolved.size() + " alerts" + how + " (" + keys(n.resolved) + "); "
                    + (allClear ? "no alert of this incident fires; it stays " + status + " for a human to resolve"
                            : tally.active() + " of its " + tally.total() + " alerts still fire; it stays " + status),
                    actor);
        }
    }

    /** The first ten keys, then how many more: enough to find them, short enough to read. */
    private static String keys(List<AlertView> members) {
        String shown = String.join(", ", members.stream().limit(10).map(AlertView::dedupKey).toList());
        return members.size() <= 10 ? shown : shown + " and " + (members.size() - 10) + " more";
    }
}
