package org.firebreak.incident;

import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/**
 * The entries an incident writes about itself, without those other modules record on its timeline as they react
 * (paging, notifications, status updates): those arrive on their own schedule, so tests of the incident module leave
 * them out of exact sequences.
 */
final class OwnEntries {

    private static final Set<String> BY_OTHER_MODULES = Set.of(TimelineKind.ESCALATION.name(),
            TimelineKind.NOTIFICATION.name(), TimelineKind.STATUS_UPDATE.name());

    private OwnEntries() {
    }

    static List<JsonNode> of(JsonNode timeline) {
        return StreamSupport.stream(timeline.spliterator(), false)
                .filter(e -> !BY_OTHER_MODULES.contains(e.get("kind").asString())).toList();
    }
}
