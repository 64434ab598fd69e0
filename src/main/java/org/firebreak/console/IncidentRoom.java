package org.firebreak.console;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.firebreak.chain.Diagnostics;
import org.firebreak.comms.PostStatusUpdate;
import org.firebreak.comms.StatusUpdates;
import org.firebreak.comms.UpdateStatus;
import org.firebreak.comms.Visibility;
import org.firebreak.detection.AlertApi;
import org.firebreak.detection.AlertGroupNotFound;
import org.firebreak.detection.AlertGroupView;
import org.firebreak.detection.IncidentAlerts;
import org.firebreak.incident.ActionRefused;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentConflict;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentStatus;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.InvalidIncidentInput;
import org.firebreak.incident.TimelineEntry;
import org.firebreak.shared.InvalidInput;
import org.firebreak.shared.Severity;
import org.firebreak.shared.StoredText;
import org.firebreak.shared.web.Actor;
import org.firebreak.shared.web.ConsolePage;
import org.firebreak.shared.web.FormValues;
import org.firebreak.shared.web.PageNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The incident room: one incident's header, checklist, timeline, notes and status updates, kept live over
 * server-sent events. Every change is a POST that goes through the owning module's API as the signed-in person and
 * comes back to the room (post/redirect/get) with what happened or why it was refused.
 */
@ConsolePage
@Hidden
@RequestMapping("/incidents/{id}")
class IncidentRoom {

    static final int MAX_TEXT = 4000;
    private static final List<String> PANELS = List.of("header", "checklist", "timeline", "alerts", "updates");
    /** Alerts the room lists; the groups count them all. */
    private static final int ALERTS_SHOWN = 50;

    private final IncidentApi incidents;
    private final StatusUpdates updates;
    private final Diagnostics diagnostics;
    private final LiveChanges live;
    private final AlertApi alerts;

    IncidentRoom(IncidentApi incidents, StatusUpdates updates, Diagnostics diagnostics, LiveChanges live,
            AlertApi alerts) {
        this.alerts = alerts;
        this.incidents = incidents;
        this.updates = updates;
        this.diagnostics = diagnostics;
        this.live = live;
    }

    @GetMapping
    String room(@PathVariable String id, @RequestParam(defaultValue = "all") String show, Model model) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        model.addAttribute("marker", live.marker(incident));
        fill(model, incident, TimelineFilter.parse(show));
        return "console/incident";
    }

    /** One panel, for the page to re-fetch when the incident changes. */
    @GetMapping("/panels/{panel}")
    String panel(@PathVariable String id, @PathVariable String panel, @RequestParam(defaultValue = "all") String show,
            Model model) {
        if (!PANELS.contains(panel)) {
            throw new PageNotFound("There is no panel '" + panel + "'; panels: " + String.join(", ", PANELS));
        }
        fill(model, FormValues.found(id, IncidentId::parse), TimelineFilter.parse(show));
        return "console/incident :: " + panel;
    }

    @GetMapping("/events")
    SseEmitter events(@PathVariable String id, @RequestParam(defaultValue = "-1") long since) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        incidents.get(incident);
        return live.subscribe(incident, since);
    }

    private void fill(Model model, IncidentId id, TimelineFilter filter) {
        IncidentView incident = incidents.get(id);
        List<TimelineEntry> timeline = incidents.timeline(id).reversed();
        model.addAttribute("incident", incident);
        model.addAttribute("timeline", timeline.stream().filter(filter::shows).toList());
        model.addAttribute("timelineTotal", timeline.size());
        model.addAttribute("filter", filter);
        model.addAttribute("filters", TimelineFilter.values());
        model.addAttribute("updates", updates.list(id).reversed());
        model.addAttribute("updateStatuses", UpdateStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("pauseScope", diagnostics.pauseScope().orElse(null));
        model.addAttribute("openSteps", incident.checklist().stream().filter(s -> s.state().name().equals("PENDING")).count());
        IncidentAlerts behind = alerts.ofIncident(id, ALERTS_SHOWN);
        model.addAttribute("alerts", behind);
        model.addAttribute("alertTotal", behind.groups().stream().mapToLong(AlertGroupView::alerts).sum());
    }

    @PostMapping("/alert-groups/{group}/split")
    String split(@PathVariable String id, @PathVariable long group, Actor actor, RedirectAttributes flash) {
        IncidentId storm = FormValues.found(id, IncidentId::parse);
        try {
            IncidentId own = alerts.split(storm, group, actor.name());
            flash.addFlashAttribute("flashOk", "Group " + group + " split out into " + own);
        } catch (AlertGroupNotFound e) {
            flash.addFlashAttribute("flashBad", e.getMessage());
        }
        return "redirect:/incidents/" + storm + "#alerts";
    }

    @PostMapping("/steps/{n}/done")
    String done(@PathVariable String id, @PathVariable int n, @RequestParam(required = false) @Nullable String note,
            Actor actor, RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "step-" + n, flash, () -> {
            incidents.completeStep(incident, n, optional("note", note), actor.name());
            return "Step " + n + " done.";
        });
    }

    @PostMapping("/steps/{n}/skip")
    String skip(@PathVariable String id, @PathVariable int n, @RequestParam(required = false) @Nullable String reason,
            Actor actor, RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "step-" + n, flash, () -> {
            String why = required("reason", reason, "say why the step is skipped");
            incidents.skipStep(incident, n, why, actor.name());
            return "Step " + n + " skipped.";
        });
    }

    @PostMapping("/steps/{n}/run")
    String run(@PathVariable String id, @PathVariable int n, @RequestParam(defaultValue = "false") boolean confirm,
            Actor actor, RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "step-" + n, flash, () -> {
            IncidentView after = incidents.runStep(incident, n, actor.name(), confirm);
            return after.checklist().stream().filter(s -> s.no() == n && s.outcome() != null).findFirst()
                    .map(s -> "Ran step " + n + ": " + s.outcome().result() + " - " + s.outcome().summary())
                    .orElse("Ran step " + n + ".");
        });
    }

    @PostMapping("/actions/{action}")
    String action(@PathVariable String id, @PathVariable String action,
            @RequestParam(defaultValue = "false") boolean confirm, Actor actor, RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "top", flash, () -> {
            incidents.runAction(incident, action, actor.name(), confirm);
            return "Ran " + action + "; its outcome is on the timeline.";
        });
    }

    @PostMapping("/notes")
    String note(@PathVariable String id, @RequestParam(required = false) @Nullable String text, Actor actor,
            RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "notes", flash, () -> {
            incidents.addNote(incident, required("text", text, "write the note"), actor.name());
            return "Note added.";
        });
    }

    @PostMapping("/updates")
    String update(@PathVariable String id, @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String visibility, Actor actor, RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "updates", flash, () -> {
            String body = required("text", text, "write the update");
            UpdateStatus where = FormValues.named("status", status, UpdateStatus.class);
            Visibility who = visibility == null || visibility.isBlank() ? Visibility.INTERNAL
                    : FormValues.named("visibility", visibility, Visibility.class);
            updates.post(incident, new PostStatusUpdate(body, where, who), actor.name());
            return "Status update posted (" + who + ").";
        });
    }

    @PostMapping("/acknowledge")
    String acknowledge(@PathVariable String id, Actor actor, RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "top", flash, () -> {
            incidents.changeStatus(incident, IncidentStatus.ACKNOWLEDGED, null, actor.name());
            return "Acknowledged.";
        });
    }

    @PostMapping("/status")
    String status(@PathVariable String id, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String note, Actor actor, RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "top", flash, () -> {
            IncidentStatus next = FormValues.named("status", status, IncidentStatus.class);
            incidents.changeStatus(incident, next, optional("note", note), actor.name());
            return "Status is now " + next + ".";
        });
    }

    @PostMapping("/severity")
    String severity(@PathVariable String id, @RequestParam(required = false) @Nullable String severity,
            @RequestParam(required = false) @Nullable String reason, Actor actor, RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "top", flash, () -> {
            Severity level = FormValues.named("severity", severity, Severity.class);
            incidents.changeSeverity(incident, level, optional("reason", reason), actor.name());
            return "Severity is now " + level + "; the checklist follows its procedure.";
        });
    }

    @PostMapping("/commander")
    String commander(@PathVariable String id, @RequestParam(required = false) @Nullable String commander,
            Actor actor, RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "people", flash, () -> {
            String name = FormValues.person("commander", commander);
            incidents.assignCommander(incident, name, actor.name());
            return name + " is the incident commander.";
        });
    }

    @PostMapping("/responders")
    String responders(@PathVariable String id, @RequestParam(required = false) @Nullable String name,
            @RequestParam(defaultValue = "add") String change, Actor actor, RedirectAttributes flash) {
        IncidentId incident = FormValues.found(id, IncidentId::parse);
        return act(incident, "people", flash, () -> {
            String person = FormValues.person("name", name);
            if (change.equals("remove")) {
                incidents.removeResponder(incident, person, actor.name());
                return person + " is no longer a responder.";
            }
            if (!change.equals("add")) {
                throw new InvalidIncidentInput("change", "'" + change + "' is neither add nor remove");
            }
            incidents.addResponder(incident, person, actor.name());
            return person + " is a responder.";
        });
    }

    /**
     * Runs one change and comes back to the room, to the part that changed, saying what happened; a refused change
     * comes back with the reason and has written nothing.
     */
    /**
     * A field {@link StoredText}'s rule refused while the request was read (a NUL in a note, say): back to the room
     * with the field named, as any refused change is; an unreadable incident id goes to the list, which says so too.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String refusedField(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String reason = e.getValue() instanceof String text ? StoredText.refusal(text).orElse("is not valid")
                : "is not valid";
        RequestContextUtils.getOutputFlashMap(request).put("flashBad", e.getName() + ": " + reason);
        if (e.getName().equals("id")
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path)
                || !(path.get("id") instanceof String id)) {
            return "redirect:/incidents";
        }
        try {
            return "redirect:/incidents/" + FormValues.found(id, IncidentId::parse);
        } catch (PageNotFound notFound) {
            return "redirect:/incidents";
        }
    }

    private static String act(IncidentId id, String anchor, RedirectAttributes flash, Supplier<String> change) {
        try {
            flash.addFlashAttribute("flashOk", change.get());
        } catch (InvalidInput e) {
            flash.addFlashAttribute("flashBad", e.field() + ": " + e.getMessage());
        } catch (IncidentConflict | ActionRefused e) {
            flash.addFlashAttribute("flashBad", e.getMessage());
        }
        return "redirect:/incidents/" + id + "#" + anchor;
    }

    private static String required(String field, @Nullable String text, String hint) {
        String given = optional(field, text);
        if (given == null) {
            throw new InvalidIncidentInput(field, "is empty: " + hint);
        }
        return given;
    }

    /** The text stripped, or null when blank; refused when longer than the store keeps. */
    private static @Nullable String optional(String field, @Nullable String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidIncidentInput(field, "is " + text.length() + " characters; at most " + MAX_TEXT);
        }
        return text == null || text.isBlank() ? null : text.strip();
    }
}
