package org.firebreak.oncall;

import java.util.List;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;

/**
 * Someone who can be paged.
 *
 * @param id how schedules, policies and the timeline name them: lower case letters, digits, {@code . _ -}
 * @param name how people read it (defaults to the id)
 * @param contacts where a page reaches them, all of them at once
 * @param timeZone where they live, e.g. {@code Europe/Berlin}: a level's local hours ({@link LocalHours}) are their
 *        wall clock there; unset, the zone of the schedule that pages them, else the policy's (UTC by default)
 */
public record Person(String id, @Nullable String name, List<Contact> contacts, @Nullable String timeZone) {

    /** Someone with no time zone of their own. */
    public Person(String id, @Nullable String name, List<Contact> contacts) {
        this(id, name, contacts, null);
    }

    public Person {
        ConfigValues.id("person", id);
        name = name == null || name.isBlank() ? id : name.strip();
        if (contacts == null || contacts.isEmpty()) {
            throw new ConfigProblem("contacts", "give at least one contact method, e.g. { channel: CONSOLE, address: " + id + " }");
        }
        contacts = List.copyOf(contacts);
        timeZone = timeZone == null || timeZone.isBlank() ? null : ConfigValues.zone("timeZone", timeZone).getId();
    }

    /** How {@code firebreak oncall} and the timeline show the person's contact methods (secrets in URLs left out). */
    public String contactText() {
        return String.join(", ", contacts.stream().map(c -> c.channel() + " " + c.shown().address()).toList());
    }
}
