package org.firebreak.incident.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.firebreak.incident.ClassificationPolicy;
import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentView;
import org.firebreak.incident.InvalidIncidentInput;
import org.firebreak.incident.OpenIncident;
import org.firebreak.incident.SeverityCriterion;
import org.firebreak.playbook.Playbook;
import org.firebreak.playbook.PlaybookCatalog;
import org.firebreak.shared.IncidentType;
import org.firebreak.shared.Severity;
import org.firebreak.shared.StoredText;
import org.firebreak.shared.web.Actor;
import org.firebreak.shared.web.ConsolePage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Opening an incident by form: the plan's criteria as boxes, the severity they give shown as they are ticked, and
 * the incident opened through the incident API. A refused form comes back filled in, naming the field, and opens
 * nothing.
 */
@ConsolePage
@Hidden
class OpenIncidentPage {

    private final IncidentApi incidents;
    private final ClassificationPolicy classification;
    private final PlaybookCatalog playbooks;
    private final Validator validator;

    OpenIncidentPage(IncidentApi incidents, ClassificationPolicy classification, PlaybookCatalog playbooks,
            Validator validator) {
        this.incidents = incidents;
        this.classification = classification;
        this.playbooks = playbooks;
        this.validator = validator;
    }

    /** What the form holds, as typed. */
    record Form(@Nullable String title, @Nullable String summary, @Nullable String type, @Nullable String components,
            @Nullable String commander, @Nullable List<String> criteria) {

        public List<String> criteriaOrEmpty() {
            return criteria == null ? List.of() : criteria;
        }

        public List<String> componentList() {
            return components == null ? List.of()
                    : Arrays.stream(components.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        }

        public boolean ticked(String criterionId) {
            return criteriaOrEmpty().contains(criterionId);
        }
    }

    /** The severity the plan gives for the ticked criteria, and the criteria that decide it. */
    record Preview(@Nullable Severity severity, List<String> deciding, List<String> unknown) {
    }

    @GetMapping("/incidents/new")
    String form(Actor actor, Model model) {
        return render(model, new Form(null, null, IncidentType.UNCLASSIFIED.name(), null, actor.name(), List.of()),
                Map.of());
    }

    @GetMapping("/incidents/new/severity")
    String severity(@RequestParam(required = false) @Nullable List<String> criteria, Model model) {
        model.addAttribute("preview", preview(criteria == null ? List.of() : criteria));
        return "incident/open :: preview";
    }

    @PostMapping("/incidents")
    String open(@ModelAttribute Form form, Actor actor, Model model, HttpServletResponse response) {
        String commander = form.commander() == null || form.commander().isBlank() ? actor.name() : form.commander().strip();
        OpenIncident command = new OpenIncident(form.title() == null ? "" : form.title().strip(),
                form.summary() == null || form.summary().isBlank() ? null : form.summary().strip(), null,
                form.criteriaOrEmpty(), form.type(), form.componentList(), commander, List.of(), null);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<OpenIncident> v : validator.validate(command)) {
            errors.putIfAbsent(formField(v.getPropertyPath().toString()), v.getMessage());
        }
        if (form.criteriaOrEmpty().isEmpty()) {
            errors.put("criteria", "tick at least one: the plan's criteria give the severity");
        }
        if (errors.isEmpty()) {
            try {
                IncidentView opened = incidents.open(command, actor.name());
                return "redirect:/incidents/" + opened.id();
            } catch (InvalidIncidentInput e) {
                errors.put(formField(e.field()), e.getMessage());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(model, form, errors);
    }

    /**
     * A field {@link StoredText}'s rule refused while the form was read (a NUL, say): the form comes back as typed,
     * the refused characters shown as U+FFFD, with the field named, like any other refused field.
     */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    String refusedText(MethodArgumentNotValidException e, HttpServletRequest request, Actor actor, Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(formField(f.getField()),
                f.getRejectedValue() instanceof String text ? StoredText.refusal(text).orElse("is not valid")
                        : "is not valid"));
        Form typed = new Form(typed(request, "title"), typed(request, "summary"), typed(request, "type"),
                typed(request, "components"), typed(request, "commander"), request.getParameterValues("criteria") == null
                        ? List.of() : Arrays.stream(request.getParameterValues("criteria")).map(StoredText::clean).toList());
        model.addAttribute("me", actor);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(model, typed, errors);
    }

    private static @Nullable String typed(HttpServletRequest request, String field) {
        String value = request.getParameter(field);
        return value == null ? null : StoredText.clean(value);
    }

    private String render(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("criteria", classification.criteria());
        model.addAttribute("types", playbooks.knownTypes().stream().map(t -> new TypeOption(t.name(),
                playbooks.playbookFor(t).map(Playbook::title).orElse("No common-incident playbook: the severity's procedure only")))
                .toList());
        model.addAttribute("preview", preview(form.criteriaOrEmpty()));
        return "incident/open";
    }

    record TypeOption(String name, String playbook) {
    }

    /** The API's field names (criteria[2], components[0], summary) as the form names them. */
    private static String formField(String path) {
        return path.replaceAll("\\[.*", "");
    }

    private Preview preview(List<String> texts) {
        List<SeverityCriterion> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String text : texts) {
            Optional<SeverityCriterion> found = classification.find(text);
            found.ifPresentOrElse(known::add, () -> unknown.add(text));
        }
        Severity severity = classification.classify(known).orElse(null);
        List<String> deciding = known.stream().filter(c -> c.severity() == severity).map(SeverityCriterion::label)
                .distinct().toList();
        return new Preview(severity, deciding, unknown);
    }
}
