package org.firebreak.statuspage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.firebreak.statuspage.StatusSummary.ComponentView;
import org.firebreak.statuspage.StatusSummary.IncidentEntry;
import org.firebreak.statuspage.StatusSummary.Update;

/**
 * What subscribers are told about: each component's status and which public updates the page shows. Nothing else
 * counts: an internal status update, a Low incident, a note or a page changes neither. Stored as text, one line each
 * after a first line {@code page} ({@code component rpc major_outage}, {@code update 12}), so the next comparison reads it back.
 */
record PublicState(Map<String, ComponentStatus> components, Set<String> updates) {

    static PublicState of(StatusSummary summary) {
        Map<String, ComponentStatus> components = new LinkedHashMap<>();
        summary.components().forEach(c -> components.put(c.id(), c.status()));
        Set<String> updates = entries(summary).flatMap(e -> e.updates().stream()).map(Update::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new PublicState(components, updates);
    }

    String text() {
        List<String> lines = new ArrayList<>(List.of("page"));
        components.forEach((id, status) -> lines.add("component " + id + " " + status.wire()));
        updates.forEach(id -> lines.add("update " + id));
        return String.join("\n", lines);
    }

    static PublicState parse(String text) {
        Map<String, ComponentStatus> components = new LinkedHashMap<>();
        Set<String> updates = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(" ");
            if (parts[0].equals("component") && parts.length == 3) {
                Stream.of(ComponentStatus.values()).filter(s -> s.wire().equals(parts[2])).findFirst()
                        .ifPresent(s -> components.put(parts[1], s));
            } else if (parts[0].equals("update") && parts.length == 2) {
                updates.add(parts[1]);
            }
        }
        return new PublicState(components, updates);
    }

    /** What changed from {@code before} to this state, as the summary that holds this state shows it. */
    Change since(PublicState before, StatusSummary summary) {
        List<ComponentChange> moved = new ArrayList<>();
        for (ComponentView c : summary.components()) {
            ComponentStatus was = before.components.getOrDefault(c.id(), ComponentStatus.OPERATIONAL);
            if (was != c.status()) {
                moved.add(new ComponentChange(c.id(), c.name(), was, c.status()));
            }
        }
        List<PostedUpdate> posted = new ArrayList<>();
        entries(summary).forEach(e -> e.updates().reversed().stream().filter(u -> !before.updates.contains(u.id()))
                .forEach(u -> posted.add(new PostedUpdate(e, u))));
        return new Change(moved, posted);
    }

    private static Stream<IncidentEntry> entries(StatusSummary summary) {
        return Stream.concat(summary.active().stream(), summary.history().stream());
    }

    record ComponentChange(String id, String name, ComponentStatus from, ComponentStatus to) {
    }

    /** A public update newly on the page, with the incident it belongs to. */
    record PostedUpdate(IncidentEntry incident, Update update) {
    }

    record Change(List<ComponentChange> components, List<PostedUpdate> updates) {

        boolean isEmpty() {
            return components.isEmpty() && updates.isEmpty();
        }

        /** The component ids this change concerns: those that moved and those of the incidents updated. */
        Set<String> concerns() {
            Set<String> ids = new LinkedHashSet<>();
            components.forEach(c -> ids.add(c.id()));
            updates.forEach(u -> ids.addAll(u.incident().components()));
            return ids;
        }
    }
}
