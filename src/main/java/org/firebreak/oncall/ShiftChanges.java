package org.firebreak.oncall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.firebreak.notify.MessageKind;
import org.firebreak.notify.NotificationApi;
import org.firebreak.notify.NotificationRequest;
import org.springframework.stereotype.Component;

/**
 * Tells the people whose shifts a change moved: the schedule's shifts before and after the change are compared per
 * person, and each person with a shift that went away or came is sent a {@code SHIFT_MOVED} message with their old
 * and new times (key {@code shift:<schedule>:<change>:<person>:moved}, so once per change and person).
 */
@Component
class ShiftChanges {

    /** How far around a change its shifts are compared (a week: a whole weekly shift either side). */
    static final Duration AROUND = Duration.ofDays(7);

    private final OnCallCatalog catalog;
    private final NotificationApi notifications;

    ShiftChanges(OnCallCatalog catalog, NotificationApi notifications) {
        this.catalog = catalog;
        this.notifications = notifications;
    }

    /** Tells each person whose shifts differ between {@code before} and {@code after}; who was told. */
    List<String> tell(Schedule schedule, List<Shift> before, List<Shift> after, String change, String changeKey) {
        Set<String> people = new LinkedHashSet<>();
        before.forEach(s -> people.add(s.person()));
        after.forEach(s -> people.add(s.person()));
        List<String> told = new ArrayList<>();
        for (String id : people) {
            List<String> was = times(schedule, before, after, id);
            List<String> now = times(schedule, after, before, id);
            Person person = catalog.person(id).orElse(null);
            if (person == null || was.isEmpty() && now.isEmpty()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("schedule", schedule.name() == null ? schedule.id() : schedule.name());
            values.put("person", id);
            values.put("personName", person.name() == null ? id : person.name());
            values.put("change", change);
            values.put("before", was.isEmpty() ? "none" : String.join("\n", was));
            values.put("after", now.isEmpty() ? "none" : String.join("\n", now));
            notifications.request(new NotificationRequest(null, MessageKind.SHIFT_MOVED, Pager.destinations(person),
                    values, "shift:" + schedule.id() + ":" + changeKey + ":" + id + ":moved"));
            told.add(id);
        }
        return told;
    }

    /** The person's stretches in {@code these} that {@code others} does not have, as local times. */
    private static List<String> times(Schedule schedule, List<Shift> these, List<Shift> others, String person) {
        return these.stream().filter(s -> s.person().equals(person))
                .filter(s -> others.stream().noneMatch(o -> o.person().equals(person) && o.from().equals(s.from())
                        && o.until().equals(s.until())))
                .map(s -> Texts.local(s.from(), schedule.zone()) + " → " + Texts.local(s.until(), schedule.zone()))
                .toList();
    }
}
