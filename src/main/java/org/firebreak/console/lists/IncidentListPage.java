package org.firebreak.console.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentFilter;
import org.firebreak.incident.IncidentPage;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.playbook.PlaybookCatalog;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * GET /incidents: the incidents, newest first, 25 a page, filtered by status, severity, type, open or closed and
 * words of the title. A plain GET form; with htmx the results are swapped in place and the URL follows.
 */
@Controller
class IncidentListPage {

    static final int SIZE = 25;

    private final IncidentApi incidents;
    private final PlaybookCatalog playbooks;

    IncidentListPage(IncidentApi incidents, PlaybookCatalog playbooks) {
        this.incidents = incidents;
        this.playbooks = playbooks;
    }

    /** The filter as the form sent it, every value as text so the form shows it back as given. */
    record Form(String status, String severity, String type, String state, String q) {
    }

    @GetMapping("/incidents")
    String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String severity,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") String page,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Form form = new Form(status, severity, type, state, q.strip());
        List<String> errors = new ArrayList<>();
        IncidentFilter filter = new IncidentFilter(
                parse(status, IncidentStatus.class, "status", errors), parse(severity, Severity.class, "severity", errors),
                type(type, errors), open(state, errors), form.q().isEmpty() ? null : form.q());
        int number = pageNumber(page, errors);
        model.addAttribute("form", form);
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("types", playbooks.knownTypes().stream().map(IncidentType::name).sorted().toList());
        model.addAttribute("errors", errors);
        if (errors.isEmpty()) {
            IncidentPage found = incidents.list(filter, number, SIZE);
            model.addAttribute("incidents", found.items());
            model.addAttribute("pager", ListPager.of(request, found.total(), number, SIZE, found.items().size()));
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("incidents", List.of());
            model.addAttribute("pager", ListPager.of(request, 0, 0, SIZE, 0));
        }
        return ListPager.resultsOnly(request) ? "console/lists/incidents :: results" : "console/lists/incidents";
    }

    private static <E extends Enum<E>> @Nullable E parse(String text, Class<E> type, String field, List<String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field + ": '" + text + "' is not one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    private @Nullable IncidentType type(String text, List<String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return new IncidentType(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add("type: " + e.getMessage());
            return null;
        }
    }

    private static @Nullable Boolean open(String state, List<String> errors) {
        return switch (state) {
            case "" -> null;
            case "open" -> true;
            case "closed" -> false;
            default -> {
                errors.add("state: '" + state + "' is not open or closed");
                yield null;
            }
        };
    }

    private static int pageNumber(String text, List<String> errors) {
        try {
            int page = Integer.parseInt(text.strip());
            if (page >= 0 && page <= 100_000) {
                return page;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("page: '" + text + "' is not a page number from 0");
        return 0;
    }
}
