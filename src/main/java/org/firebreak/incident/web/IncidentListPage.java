package org.firebreak.incident.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.firebreak.incident.BulkAction;
import org.firebreak.incident.BulkChange;
import org.firebreak.incident.BulkResult.Outcome;
import org.firebreak.incident.BulkResult;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentFilter;
import org.firebreak.incident.IncidentPage;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.InvalidIncidentInput;
import org.firebreak.playbook.PlaybookCatalog;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.InvalidInput;
import org.firebreak.shared.Severity;
import org.firebreak.shared.web.Actor;
import org.firebreak.shared.web.ConsolePage;
import org.firebreak.shared.web.FormValues;
import org.firebreak.shared.web.ListPager;
import org.firebreak.shared.web.RoleTooLow;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * GET /incidents: the incidents, newest first, 25 a page, filtered by status, severity, type, open or closed and
 * words of the title. A plain GET form; with htmx the results are swapped in place and the URL follows. Responders
 * and commanders tick rows and acknowledge or resolve them at once (POST /incidents/bulk), as their role allows.
 */
@ConsolePage
class IncidentListPage {

    static final int SIZE = 25;
    private static final int MAX_REASONS = 5;
    private static final Map<BulkAction, String> DONE = Map.of(BulkAction.ACKNOWLEDGE, "Acknowledged the selection",
            BulkAction.RESOLVE, "Resolved the selection");

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
            Actor actor, HttpServletRequest request, HttpServletResponse response, Model model) {
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
        model.addAttribute("bulkActions", BulkAction.allowedTo(actor));
        model.addAttribute("back", request.getQueryString() == null ? "" : request.getQueryString());
        if (errors.isEmpty()) {
            IncidentPage found = incidents.list(filter, number, SIZE);
            model.addAttribute("incidents", found.items());
            model.addAttribute("pager", ListPager.of(request, found.total(), number, SIZE, found.items().size()));
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("incidents", List.of());
            model.addAttribute("pager", ListPager.of(request, 0, 0, SIZE, 0));
        }
        return ListPager.resultsOnly(request) ? "incident/incidents :: results" : "incident/incidents";
    }

    /**
     * Acknowledges or resolves the incidents ticked on the page, then goes back to the same page of the list saying how
     * many changed, were already there, were refused (and why) or were not found. A selection that is not one changes
     * nothing and names the field at fault; a role the action needs and the person lacks is a 403.
     */
    @PostMapping("/incidents/bulk")
    String changeSelection(@RequestParam(required = false) @Nullable String action,
            @RequestParam(name = "incidents", required = false) @Nullable List<String> selected,
            @RequestParam(required = false) @Nullable String note, @RequestParam(defaultValue = "") String back,
            Actor actor, RedirectAttributes flash) {
        try {
            BulkAction chosen = FormValues.named("action", action, BulkAction.class);
            chosen.permit(actor);
            BulkResult result = incidents.changeStatus(BulkChange.of(chosen, selected, note), actor.name());
            flash.addFlashAttribute("flashOk", DONE.get(chosen) + ": " + result.counts() + ".");
            String problems = result.incidents().stream().filter(i -> i.outcome() == Outcome.REFUSED
                    || i.outcome() == Outcome.NOT_FOUND).limit(MAX_REASONS)
                    .map(i -> i.id() + ": " + i.reason()).collect(Collectors.joining("; "));
            if (!problems.isEmpty()) {
                long more = result.refused() + result.notFound() - MAX_REASONS;
                flash.addFlashAttribute("flashBad", problems + (more > 0 ? "; and " + more + " more" : ""));
            }
        } catch (InvalidInput e) {
            flash.addFlashAttribute("flashBad", "Nothing was changed: " + e.field() + ": " + e.getMessage());
        }
        return "redirect:" + listAt(back);
    }

    /** A refusal of the role is the console's 403 page, naming the role needed, as the endpoint table's are. */
    @ExceptionHandler
    void roleTooLow(RoleTooLow e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setAttribute("firebreakDenied", e.getMessage());
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** The list with the query it was showing; a query that is not one (edited by hand) is dropped. */
    private static String listAt(String query) {
        try {
            return UriComponentsBuilder.fromPath("/incidents").query(query.isBlank() ? null : query).build(true)
                    .toUriString();
        } catch (IllegalArgumentException e) {
            return "/incidents";
        }
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
