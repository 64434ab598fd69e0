package org.firebreak.statuspage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.firebreak.comms.PostStatusUpdate;
import org.firebreak.comms.StatusUpdateView;
import org.firebreak.comms.StatusUpdates;
import org.firebreak.comms.UpdateStatus;
import org.firebreak.comms.Visibility;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentView;
import org.firebreak.playbook.StepExecutor;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.shared.Severity;
import org.firebreak.statuspage.StatusSummary.ComponentView;
import org.firebreak.statuspage.StatusSummary.IncidentEntry;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The plan's "Update status page" step ({@code action:update-status-page}, High procedure). The page already lists a
 * Medium-or-worse incident and marks its components by itself; what it lacks is the team's word. The step posts a
 * public status update saying where the incident stands (investigating, monitoring, resolved), unless the latest
 * public update already says so, and reports what the public now sees: the page's address and the components marked.
 * Posting is an action: it runs when the commander confirms it, and the update also goes to the stakeholders.
 */
@Component
class UpdateStatusPageStep implements StepExecutor {

    private final IncidentApi incidents;
    private final StatusUpdates updates;
    private final StatusPage page;

    /** Lazy: the incident module finds its step executors when it is built, this one among them. */
    UpdateStatusPageStep(@Lazy IncidentApi incidents, @Lazy StatusUpdates updates, @Lazy StatusPage page) {
        this.incidents = incidents;
        this.updates = updates;
        this.page = page;
    }

    @Override
    public String automation() {
        return "action:update-status-page";
    }

    @Override
    public StepOutcome run(StepRun run) {
        IncidentId id = IncidentId.parse(run.incidentId());
        IncidentView incident = incidents.get(id);
        if (incident.severity() == Severity.LOW) {
            return new StepOutcome(StepOutcome.Result.WARN, "A Low incident is not on the public status page (Medium "
                    + "or worse is): nothing posted", Map.of());
        }
        StatusSummary summary = page.summary();
        List<String> ids = entry(summary, id).map(IncidentEntry::components).orElse(List.of());
        List<ComponentView> marked = summary.components().stream().filter(c -> ids.contains(c.id())).toList();
        UpdateStatus stands = StatusPage.status(incident.status());
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("page", summary.url());
        evidence.put("components", marked.isEmpty() ? "none"
                : marked.stream().map(c -> c.name() + ": " + c.status().label()).collect(Collectors.joining(", ")));
        evidence.put("incidentComponents", String.join(", ", incident.components()));

        List<StatusUpdateView> published = updates.publicUpdates(id);
        if (!published.isEmpty() && published.getLast().status() == stands) {
            StatusUpdateView last = published.getLast();
            evidence.put("update", Long.toString(last.id()));
            return new StepOutcome(StepOutcome.Result.OK, "The status page already says " + stands + " (update #"
                    + last.id() + " by " + last.author() + "): nothing posted; " + shows(marked), evidence);
        }
        StatusUpdateView posted = updates.post(id, new PostStatusUpdate(text(incident, stands, marked), stands,
                Visibility.PUBLIC), run.actor());
        evidence.put("update", Long.toString(posted.id()));
        evidence.put("status", stands.toString());
        if (!shownOnPage(id, posted)) {
            return new StepOutcome(StepOutcome.Result.FAIL, "Posted public update #" + posted.id() + ", but the status "
                    + "page does not show it: check " + summary.url(), evidence);
        }
        StepOutcome.Result result = marked.isEmpty() ? StepOutcome.Result.WARN : StepOutcome.Result.OK;
        String hint = marked.isEmpty() ? " (add them so that readers see what is affected)" : "";
        return new StepOutcome(result, "Posted public update #" + posted.id() + " (" + stands + ") to " + summary.url()
                + "; " + shows(marked) + hint, evidence);
    }

    /** The outcome verified: the page, read again, shows the update as the incident's latest. */
    private boolean shownOnPage(IncidentId id, StatusUpdateView posted) {
        return entry(page.summary(), id).map(e -> !e.updates().isEmpty()
                && e.updates().getFirst().id().equals(Long.toString(posted.id()))).orElse(false);
    }

    /** The incident as the page lists it (open or in the 90-day history). */
    private static Optional<IncidentEntry> entry(StatusSummary summary, IncidentId id) {
        return Stream.concat(summary.active().stream(), summary.history().stream())
                .filter(e -> e.id().equals(id.toString())).findFirst();
    }

    private static String shows(List<ComponentView> marked) {
        return marked.isEmpty() ? "the page names none of the incident's components"
                : "it shows " + marked.stream()
                        .map(c -> c.name() + " as " + c.status().label().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "));
    }

    /** The public wording: the incident's title (already public on the page), what is affected and what comes next. */
    static String text(IncidentView incident, UpdateStatus stands, List<ComponentView> marked) {
        String affected = marked.isEmpty() ? "" : " It affects " + names(marked) + ".";
        String title = incident.title().strip().replaceAll("[.!]+$", "");
        return switch (stands) {
            case INVESTIGATING, IDENTIFIED -> "We are investigating: " + title + "." + affected
                    + " We will post updates here as we learn more.";
            case MONITORING -> "A fix is in place for: " + title + "." + affected
                    + " We are monitoring the results.";
            case RESOLVED -> "Resolved: " + title + "." + (marked.isEmpty() ? ""
                    : " " + capitalized(names(marked)) + " " + (marked.size() == 1 ? "is" : "are")
                            + " operating normally.");
        };
    }

    private static String names(List<ComponentView> marked) {
        return marked.stream().map(ComponentView::name).collect(Collectors.joining(", "));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
