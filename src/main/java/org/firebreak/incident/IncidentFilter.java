package org.firebreak.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Which incidents to list. Every criterion is optional; {@code open} true keeps only incidents not yet resolved,
 * false only the resolved and closed ones.
 *
 * @param text matched, ignoring case, against the title
 */
public record IncidentFilter(@Nullable IncidentStatus status, @Nullable Severity severity,
        @Nullable IncidentType type, @Nullable Boolean open, @Nullable String text) {

    public static IncidentFilter all() {
        return new IncidentFilter(null, null, null, null, null);
    }

    String where() {
        List<String> clauses = new ArrayList<>();
        if (status != null) {
            clauses.add("status = :status");
        }
        if (severity != null) {
            clauses.add("severity = :severity");
        }
        if (type != null) {
            clauses.add("incident_type = :type");
        }
        if (Boolean.TRUE.equals(open)) {
            clauses.add("status not in ('RESOLVED', 'CLOSED')");
        } else if (Boolean.FALSE.equals(open)) {
            clauses.add("status in ('RESOLVED', 'CLOSED')");
        }
        if (text != null && !text.isBlank()) {
            clauses.add("lower(title) like :text");
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            params.put("status", status.name());
        }
        if (severity != null) {
            params.put("severity", severity.name());
        }
        if (type != null) {
            params.put("type", type.name());
        }
        if (text != null && !text.isBlank()) {
            params.put("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return params;
    }
}
