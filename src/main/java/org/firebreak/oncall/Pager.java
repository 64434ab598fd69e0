package org.firebreak.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.TimelineKind;
import org.firebreak.notify.Destination;
import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.notify.NotificationRequest;
import org.springframework.stereotype.Component;

/**
 * What paging sends, inside the caller's transaction: a level's pages (one notification request per person, with
 * a signed acknowledge link), the team notice, and "paging stopped" to everyone paged. Each request has a key
 * ({@code INC-7:page:L2:bob}) that is stored with the page, so it is asked for once however often a step is replayed.
 */
@Component
class Pager {

    private final OnCallApi onCall;
    private final OnCallCatalog catalog;
    private final Escalations escalations;
    private final NotificationApi notifications;
    private final IncidentApi incidents;
    private final AckLinks links;
    private final OnCallSettings settings;

    Pager(OnCallApi onCall, OnCallCatalog catalog, Escalations escalations, NotificationApi notifications,
            IncidentApi incidents, AckLinks links, OnCallSettings settings) {
        this.onCall = onCall;
        this.catalog = catalog;
        this.escalations = escalations;
        this.notifications = notifications;
        this.incidents = incidents;
        this.links = links;
        this.settings = settings;
    }

    /** Who a level reaches at {@code at}: its schedule's on-call person, or its people. */
    List<Person> targets(EscalationPolicy.Level level, Instant at) {
        return onCall.targets(level, at);
    }

    /** Why a level reached nobody. */
    String nobody(EscalationPolicy.Level level, Instant at) {
        return level.schedule() != null
                ? catalog.schedule(level.schedule()).isPresent()
                        ? "schedule '" + level.schedule() + "' has no one on call at " + Texts.time(at)
                        : "schedule '" + level.schedule() + "' no longer exists"
                : "none of " + level.targetText() + " is in the on-call file any more";
    }

    /**
     * Whose wall clock a level's local hours are read on: the person's own zone, else that of the schedule the level
     * pages, else the policy's (UTC unless it names one).
     */
    ZoneId zoneOf(Person person, EscalationPolicy.Level level, EscalationPolicy policy) {
        if (person.timeZone() != null) {
            return ZoneId.of(person.timeZone());
        }
        return Optional.ofNullable(level.schedule()).flatMap(catalog::schedule).map(Schedule::zone)
                .orElseGet(policy::zone);
    }

    /** Pages one person at one level; false when this page was already asked for. */
    boolean page(Escalation e, int level, int attempt, Person person, String reason, String actor, Instant now) {
        String key = e.incident() + ":page:L" + level + ":" + person.id() + (attempt > 1 ? ":r" + attempt : "");
        if (escalations.pageExists(key)) {
            return false;
        }
        EscalationPolicy.Level target = e.policy().level(level);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("level", Integer.toString(level));
        values.put("levelName", target.name());
        values.put("duties", String.join(", ", target.duties()));
        values.put("ackUrl", links.url(e.incident(), level, person.id(), now.plus(settings.ackLinkValidity())));
        values.put("reason", reason);
        values.put("person", person.id());
        values.put("personName", person.name() == null ? person.id() : person.name());
        notifications.request(new NotificationRequest(e.incident(), MessageKind.PAGE, destinations(person), values, key));
        escalations.insertPage(key, e.incident(), level, attempt, person.id(), now, reason, actor);
        return true;
    }

    /** Tells level 1's people about an incident that is not paged; empty when there was nobody to tell. */
    Optional<String> teamNotice(Escalation e, Instant now) {
        List<Person> team = targets(e.policy().level(1), now);
        if (team.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = Map.of("reason", e.severity() + " incidents are not paged: the team is told in "
                + "business hours", "levelName", e.policy().level(1).name());
        notifications.request(new NotificationRequest(e.incident(), MessageKind.TEAM_NOTICE,
                team.stream().flatMap(p -> destinations(p).stream()).toList(), values, e.incident() + ":team-notice"));
        return Optional.of(reached(team));
    }

    /** Tells everyone paged for this incident that paging stopped, and why. */
    void pagingStopped(Escalation e, String why) {
        Map<String, Person> paged = new LinkedHashMap<>();
        for (EscalationView.Page page : escalations.pages(e.incident())) {
            catalog.person(page.person()).ifPresent(p -> paged.putIfAbsent(p.id(), p));
        }
        for (Person person : paged.values()) {
            Map<String, String> values = new HashMap<>();
            values.put("reason", why);
            values.put("person", person.id());
            notifications.request(new NotificationRequest(e.incident(), MessageKind.PAGING_STOPPED,
                    destinations(person), values,
                    e.incident() + ":paging-stopped:r" + e.attempt() + ":L" + e.level() + ":" + person.id()));
        }
    }

    /**
     * Tells the next person on call that a Critical was acknowledged: the one who takes over from the current person
     * in the schedule of the level paged last (or of the first level with a schedule), within {@link
     * OnCallApi#LONGEST_ROTA}. What was done, for the timeline.
     */
    String tellNextOnCall(Escalation e, String actor, Instant now) {
        Optional<Schedule> schedule = Optional.ofNullable(e.policy().level(Math.max(e.level(), 1)).schedule())
                .or(() -> e.policy().levels().stream().map(EscalationPolicy.Level::schedule)
                        .filter(java.util.Objects::nonNull).findFirst())
                .flatMap(catalog::schedule);
        if (schedule.isEmpty()) {
            return "Next on call not told: no level of policy '" + e.policy().id() + "' pages a schedule";
        }
        Schedule s = schedule.get();
        Optional<String> current = onCall.shiftAt(s, now).map(Shift::person);
        Optional<Shift> next = onCall.shifts(s, now, now.plus(OnCallApi.LONGEST_ROTA)).stream()
                .filter(shift -> shift.from().isAfter(now) && !Optional.of(shift.person()).equals(current))
                .findFirst();
        Optional<Person> person = next.flatMap(n -> catalog.person(n.person()));
        if (person.isEmpty()) {
            return "Next on call not told: schedule '" + s.id() + "' has nobody after " + current.orElse("nobody")
                    + " within " + OnCallApi.LONGEST_ROTA.toDays() + " days";
        }
        Shift shift = next.get();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("acknowledgedBy", actor);
        values.put("schedule", s.name() == null ? s.id() : s.name());
        values.put("current", current.flatMap(catalog::person).map(p -> p.name() == null ? p.id() : p.name())
                .orElse("nobody"));
        values.put("from", Texts.local(shift.from(), s.zone()));
        values.put("person", person.get().id());
        notifications.request(new NotificationRequest(e.incident(), MessageKind.NEXT_ON_CALL,
                destinations(person.get()), values, e.incident() + ":next-on-call:" + person.get().id()));
        return "Told " + reached(List.of(person.get())) + ", next on call in " + values.get("schedule") + " from "
                + values.get("from") + ", that " + actor + " acknowledged this Critical";
    }

    void record(IncidentId id, String text, String actor) {
        incidents.record(id, TimelineKind.ESCALATION, text, actor);
    }

    /** {@code alice (CONSOLE alice), bob (EMAIL bob@example.org)}. */
    static String reached(List<Person> people) {
        return String.join(", ", people.stream().map(p -> p.id() + " (" + p.contactText() + ")").toList());
    }

    static List<Destination> destinations(Person person) {
        return person.contacts().stream().map(c -> new Destination(c.channel(), c.address(), person.id())).toList();
    }
}
