package org.firebreak.oncall;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

import org.firebreak.shared.web.PublicUrl;
import org.springframework.stereotype.Service;

/**
 * Who is on call as iCalendar (RFC 5545) feeds that calendar apps subscribe to: one per schedule (everyone's shifts)
 * and one per person (their shifts in every schedule), over {@code firebreak.oncall.calendar-past} back and
 * {@code calendar-ahead} forward, stored overrides included. Times carry the schedule's zone ({@code TZID} with its
 * {@code VTIMEZONE}), so a hand-off at 09:00 stays at 09:00 across a daylight-saving change.
 *
 * <p>Calendar apps cannot sign in, so a feed's URL carries its credential: {@code ?token=} the base64url
 * HMAC-SHA256 of {@code calendar|schedule|<id>} or {@code calendar|person|<id>} under
 * {@code firebreak.oncall.ack-secret}. Nothing is stored; changing the secret revokes every feed URL (and every
 * acknowledge link).
 */
@Service
public class CalendarFeeds {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    private final OnCallApi onCall;
    private final OnCallCatalog catalog;
    private final AckLinks signer;
    private final OnCallSettings settings;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    CalendarFeeds(OnCallApi onCall, OnCallCatalog catalog, AckLinks signer, OnCallSettings settings,
            PublicUrl publicUrl, Clock clock) {
        this.onCall = onCall;
        this.catalog = catalog;
        this.signer = signer;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A feed someone may subscribe to: {@code kind} {@code schedule} or {@code person}. */
    public record CalendarLink(String kind, String id, String name, String url) {
    }

    /**
     * The feeds {@code actor} may subscribe to: every schedule's, and their own person's when their account name is a
     * person id in the on-call file (another person's secret URL is theirs to give).
     */
    public List<CalendarLink> links(String actor) {
        List<CalendarLink> links = new ArrayList<>();
        for (Schedule s : catalog.schedules()) {
            links.add(new CalendarLink("schedule", s.id(), s.name(), url("schedules", s.id(), token("schedule", s.id()))));
        }
        catalog.person(actor).ifPresent(p -> links.add(new CalendarLink("person", p.id(), p.name(),
                url("people", p.id(), token("person", p.id())))));
        return links;
    }

    /** Every shift of schedule {@code id} in the horizon, when {@code token} is the schedule's. */
    public String schedule(String id, String token) {
        Schedule schedule = catalog.schedule(id).filter(s -> matches(token, "schedule", s.id()))
                .orElseThrow(CalendarNotFound::new);
        Instant now = clock.instant();
        Calendar calendar = calendar("Firebreak on call: " + schedule.name());
        Set<ZoneId> used = new LinkedHashSet<>();
        for (Shift shift : shifts(schedule, now)) {
            String who = catalog.person(shift.person()).map(Person::name).orElse(shift.person());
            calendar.add(event(schedule, shift, now, who + " on call (" + schedule.name() + ")",
                    who + " is on call for " + schedule.name() + "."));
            used.add(schedule.zone());
        }
        return text(calendar, used);
    }

    /** Every shift of person {@code id} in every schedule in the horizon, when {@code token} is theirs. */
    public String person(String id, String token) {
        Person person = catalog.person(id).filter(p -> matches(token, "person", p.id()))
                .orElseThrow(CalendarNotFound::new);
        Instant now = clock.instant();
        Calendar calendar = calendar("Firebreak on call: " + person.name());
        Set<ZoneId> used = new LinkedHashSet<>();
        for (Schedule schedule : catalog.schedules()) {
            for (Shift shift : shifts(schedule, now)) {
                if (shift.person().equals(person.id())) {
                    calendar.add(event(schedule, shift, now, "On call: " + schedule.name(),
                            person.name() + " is on call for " + schedule.name() + "."));
                    used.add(schedule.zone());
                }
            }
        }
        return text(calendar, used);
    }

    /**
     * The schedule's shifts over the horizon. A shift running over either edge is shown whole, so that its event
     * (and its UID, made of its start) stays the same from one fetch to the next.
     */
    List<Shift> shifts(Schedule schedule, Instant now) {
        Instant from = now.minus(settings.calendarPast()).truncatedTo(ChronoUnit.MINUTES);
        Instant until = now.plus(settings.calendarAhead()).truncatedTo(ChronoUnit.MINUTES);
        List<Shift> shifts = new ArrayList<>(onCall.shifts(schedule, from, until));
        if (!shifts.isEmpty()) {
            Shift first = shifts.getFirst();
            if (first.from().equals(from)) {
                onCall.shiftAt(schedule, from).filter(s -> s.person().equals(first.person()))
                        .ifPresent(s -> shifts.set(0, new Shift(first.person(), s.from(), first.until(), first.source())));
            }
            Shift last = shifts.getLast();
            if (last.until().equals(until)) {
                onCall.shiftAt(schedule, until.minusSeconds(1)).filter(s -> s.person().equals(last.person()))
                        .filter(s -> s.until().isAfter(until))
                        .ifPresent(s -> shifts.set(shifts.size() - 1, new Shift(last.person(), last.from(), s.until(),
                                last.source())));
            }
        }
        return shifts;
    }

    private Calendar calendar(String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Firebreak//On-call calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        return calendar;
    }

    private VEvent event(Schedule schedule, Shift shift, Instant now, String summary, String description) {
        VEvent event = new VEvent(false);
        event.add(new Uid(schedule.id() + "." + shift.person() + "." + shift.from().getEpochSecond() + "@firebreak"));
        event.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtStart<>(local(shift.from(), schedule.zone())));
        event.add(new DtEnd<>(local(shift.until(), schedule.zone())));
        event.add(new Summary(summary));
        event.add(new Description(description + "\nWhy: " + shift.source() + "\n" + publicUrl.base() + "/oncall"));
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    /** In the schedule's zone when the registry knows it (TZID with its VTIMEZONE), otherwise in UTC. */
    private Temporal local(Instant at, ZoneId zone) {
        return zoneKnown(zone) ? at.atZone(zone) : at.atOffset(ZoneOffset.UTC);
    }

    private boolean zoneKnown(ZoneId zone) {
        return !(zone instanceof ZoneOffset) && zones.getTimeZone(zone.getId()) != null;
    }

    private String text(Calendar calendar, Set<ZoneId> used) {
        for (ZoneId zone : used) {
            if (zoneKnown(zone)) {
                TimeZone tz = zones.getTimeZone(zone.getId());
                calendar.add(tz.getVTimeZone());
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("the calendar does not hold together: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private String url(String kind, String id, String token) {
        return publicUrl.base() + "/calendars/" + kind + "/" + id + ".ics?token=" + token;
    }

    String token(String kind, String id) {
        return ENCODE.encodeToString(signer.sign(("calendar|" + kind + "|" + id).getBytes(StandardCharsets.UTF_8)));
    }

    private boolean matches(String token, String kind, String id) {
        return MessageDigest.isEqual(token(kind, id).getBytes(StandardCharsets.UTF_8),
                Optional.ofNullable(token).orElse("").getBytes(StandardCharsets.UTF_8));
    }
}
