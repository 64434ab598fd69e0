package org.firebreak.incident;

import java.util.List;

/** One page of the incident list, with the total that matched. */
public record IncidentPage(List<IncidentSummary> items, long total, int page, int size) {
}
