package org.firebreak.review.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentNotFound;
import org.firebreak.incident.IncidentSummary;
import org.firebreak.review.ActionItemApi;
import org.firebreak.review.ActionPriority;
import org.firebreak.review.InvalidReviewInput;
import org.firebreak.review.NewActionItem;
import org.firebreak.review.ReviewApi;
import org.firebreak.review.ReviewConflict;
import org.firebreak.review.ReviewEdit;
import org.firebreak.review.ReviewList;
import org.firebreak.review.ReviewStatus;
import org.firebreak.review.ReviewSummary;
import org.firebreak.review.ReviewView;
import org.firebreak.review.TimelineAnnotation;
import org.firebreak.review.Why;
import org.firebreak.shared.TimeText;
import org.firebreak.shared.web.Actor;
import org.firebreak.shared.web.ConsolePage;
import org.firebreak.shared.web.FormErrors;
import org.firebreak.shared.web.ListPager;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * GET /reviews, the post-incident reviews with where each stands; POST /reviews starts one for an incident. GET
 * /reviews/{id}/edit is the editor (GET /reviews/{id} stays the document the PDF is rendered from); each of its forms
 * posts to a sub-path of /reviews/{id}/ and comes back to the editor, or re-renders it with the fields at fault and
 * nothing changed.
 */
@ConsolePage
class ReviewPages {

    static final int SIZE = 25;

    /** Rows of the five-whys form. */
    static final int WHYS = 5;

    private static final Map<String, String> SAVED = Map.of("started", "Review started.", "root-cause",
            "Root cause saved.", "impact", "Impact notes saved.", "lessons", "Lessons saved.", "timeline",
            "Timeline entry marked.", "action-item", "Action item added.", "submit", "Submitted for review.",
            "return", "Returned to draft.", "publish", "Published.");

    /** The lessons form's fields and their labels, in order. */
    private static final List<Map.Entry<String, String>> LESSONS = List.of(Map.entry("wentWell", "What went well"),
            Map.entry("wentBadly", "What went badly"), Map.entry("lucky", "Where we were lucky"));

    private final ReviewApi reviews;
    private final ActionItemApi actionItems;
    private final IncidentApi incidents;
    private final Validator validator;

    ReviewPages(ReviewApi reviews, ActionItemApi actionItems, IncidentApi incidents, Validator validator) {
        this.reviews = reviews;
        this.actionItems = actionItems;
        this.incidents = incidents;
        this.validator = validator;
    }

    /** A review list row with its incident's title and severity, read with the page in one query. */
    record Row(ReviewSummary review, @Nullable IncidentSummary incident) {
    }

    /** One row of the five-whys form. */
    record WhyRow(String why, String because) {
    }

    @GetMapping("/reviews")
    String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return list(status, Math.max(0, page), Map.of(), "", request, response, model);
    }

    @PostMapping("/reviews")
    String start(@RequestParam(defaultValue = "") String incident, Actor actor, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            IncidentId id = incidentId("incident", incident);
            reviews.start(id, actor.name());
            return "redirect:/reviews/" + id + "/edit?saved=started";
        } catch (FormErrors e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return list("", 0, e.fields(), incident, request, response, model);
        } catch (IncidentNotFound e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return list("", 0, Map.of("incident", e.getMessage()), incident, request, response, model);
        } catch (ReviewConflict e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return list("", 0, Map.of("incident", e.getMessage()), incident, request, response, model);
        }
    }

    private String list(String status, int page, Map<String, String> errors, String incident,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        ReviewStatus filter = null;
        Map<String, String> all = new LinkedHashMap<>(errors);
        if (!status.isBlank()) {
            try {
                filter = ReviewStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                all.put("status", "'" + status + "' is not one of " + Arrays.toString(ReviewStatus.values()));
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        ReviewList found = reviews.list(filter, page, SIZE);
        Map<IncidentId, IncidentSummary> titles = incidents.summaries(found.items().stream()
                .map(r -> r.incident()).toList()).stream()
                .collect(Collectors.toMap(IncidentSummary::id, Function.identity()));
        model.addAttribute("rows", found.items().stream().map(r -> new Row(r, titles.get(r.incident()))).toList());
        model.addAttribute("pager", ListPager.of(request, found.total(), page, SIZE, found.items().size()));
        model.addAttribute("statuses", ReviewStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("errors", all);
        model.addAttribute("incident", incident);
        return "review/reviews";
    }

    @GetMapping("/reviews/{id}/edit")
    String editor(@PathVariable String id, @RequestParam(defaultValue = "") String saved, Model model) {
        model.addAttribute("saved", SAVED.get(saved));
        return editor(reviews.get(incidentOr404(id)), Map.of(), Map.of(), model);
    }

    @PostMapping("/reviews/{id}/root-cause")
    String rootCause(@PathVariable String id, @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String contributingFactors,
            @RequestParam(required = false) @Nullable List<String> why,
            @RequestParam(required = false) @Nullable List<String> because, Actor actor,
            HttpServletResponse response, Model model) {
        List<WhyRow> rows = whyRows(why, because);
        Map<String, Object> submitted = Map.of("summary", summary, "contributingFactors", contributingFactors,
                "whys", rows);
        return act(id, "root-cause", submitted, response, model, incident -> {
            List<Why> whys = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                WhyRow row = rows.get(i);
                if (row.why().isBlank() && row.because().isBlank()) {
                    continue;
                }
                if (row.why().isBlank() || row.because().isBlank()) {
                    throw FormErrors.of("fiveWhys[" + i + "]." + (row.why().isBlank() ? "why" : "because"),
                            "give both the question and its answer, or neither");
                }
                whys.add(new Why(row.why(), row.because()));
            }
            ReviewEdit edit = FormErrors.check(validator, new ReviewEdit(summary, lines(contributingFactors), whys, null,
                    null, null, null), "");
            reviews.edit(incident, edit, actor.name());
        });
    }

    @PostMapping("/reviews/{id}/impact")
    String impact(@PathVariable String id, @RequestParam(defaultValue = "") String impactNotes, Actor actor,
            HttpServletResponse response, Model model) {
        return act(id, "impact", Map.of("impactNotes", impactNotes), response, model, incident -> reviews.edit(incident,
                FormErrors.check(validator, new ReviewEdit(null, null, null, impactNotes, null, null, null), ""),
                actor.name()));
    }

    @PostMapping("/reviews/{id}/lessons")
    String lessons(@PathVariable String id, @RequestParam(defaultValue = "") String wentWell,
            @RequestParam(defaultValue = "") String wentBadly, @RequestParam(defaultValue = "") String lucky,
            Actor actor, HttpServletResponse response, Model model) {
        return act(id, "lessons", Map.of("wentWell", wentWell, "wentBadly", wentBadly, "lucky", lucky), response, model,
                incident -> reviews.edit(incident, FormErrors.check(validator, new ReviewEdit(null, null, null, null,
                        lines(wentWell), lines(wentBadly), lines(lucky)), ""), actor.name()));
    }

    @PostMapping("/reviews/{id}/timeline/{seq}")
    String mark(@PathVariable String id, @PathVariable int seq, @RequestParam(defaultValue = "false") boolean key,
            @RequestParam(defaultValue = "") String context, Actor actor, HttpServletResponse response, Model model) {
        return act(id, "timeline", Map.of(), response, model, incident -> reviews.mark(incident, seq,
                FormErrors.check(validator, new TimelineAnnotation(key, context), "timeline[" + seq + "]."),
                actor.name()));
    }

    @PostMapping("/reviews/{id}/action-items")
    String addActionItem(@PathVariable String id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String dueOn,
            @RequestParam(defaultValue = "") String priority, Actor actor, HttpServletResponse response, Model model) {
        Map<String, Object> submitted = Map.of("itemTitle", title, "itemOwner", owner, "itemDueOn", dueOn,
                "itemPriority", priority);
        return act(id, "action-item", submitted, response, model, incident -> {
            NewActionItem item = FormErrors.check(validator, new NewActionItem(title, owner, date("dueOn", dueOn),
                    priority(priority)), "");
            actionItems.add(incident, item, actor.name());
        });
    }

    @PostMapping("/reviews/{id}/submit")
    String submit(@PathVariable String id, Actor actor, HttpServletResponse response, Model model) {
        return act(id, "submit", Map.of(), response, model, incident -> reviews.submit(incident, actor.name()));
    }

    @PostMapping("/reviews/{id}/return")
    String returnToDraft(@PathVariable String id, @RequestParam(defaultValue = "") String reason, Actor actor,
            HttpServletResponse response, Model model) {
        return act(id, "return", Map.of("reason", reason), response, model,
                incident -> reviews.returnToDraft(incident, reason, actor.name()));
    }

    @PostMapping("/reviews/{id}/publish")
    String publish(@PathVariable String id, Actor actor, HttpServletResponse response, Model model) {
        return act(id, "publish", Map.of(), response, model, incident -> reviews.publish(incident, actor.name()));
    }

    /** Runs one form's change; on bad input re-renders the editor with the fields at fault and what was typed. */
    private String act(String id, String saved, Map<String, Object> submitted, HttpServletResponse response, Model model,
            Consumer<IncidentId> change) {
        IncidentId incident = incidentOr404(id);
        Map<String, String> errors;
        try {
            change.accept(incident);
            return "redirect:/reviews/" + incident + "/edit?saved=" + saved;
        } catch (FormErrors e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            errors = e.fields();
        } catch (InvalidReviewInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            errors = Map.of(e.field(), e.getMessage());
        } catch (ReviewConflict e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            errors = Map.of("review", e.getMessage());
        }
        return editor(reviews.get(incident), errors, submitted, model);
    }

    private String editor(ReviewView review, Map<String, String> errors, Map<String, Object> submitted, Model model) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("summary", review.rootCause().summary());
        form.put("contributingFactors", String.join("\n", review.rootCause().contributingFactors()));
        List<WhyRow> whys = new ArrayList<>(review.rootCause().fiveWhys().stream()
                .map(w -> new WhyRow(w.why(), w.because())).toList());
        while (whys.size() < WHYS) {
            whys.add(new WhyRow("", ""));
        }
        form.put("whys", whys);
        form.put("impactNotes", review.impactNotes());
        form.put("wentWell", String.join("\n", review.lessons().wentWell()));
        form.put("wentBadly", String.join("\n", review.lessons().wentBadly()));
        form.put("lucky", String.join("\n", review.lessons().lucky()));
        form.put("itemTitle", "");
        form.put("itemOwner", "");
        form.put("itemDueOn", "");
        form.put("itemPriority", "MEDIUM");
        form.put("reason", "");
        form.putAll(submitted);
        model.addAttribute("review", review);
        model.addAttribute("id", review.incident().id().toString());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("priorities", ActionPriority.values());
        model.addAttribute("moves", review.allowedNextStatuses().stream().map(Enum::name).toList());
        model.addAttribute("tta", TimeText.durationOrDash(review.impact().timeToAcknowledge()));
        model.addAttribute("ttr", TimeText.durationOrDash(review.impact().timeToResolve()));
        model.addAttribute("lessonFields", LESSONS);
        return "review/review-editor";
    }

    private static List<WhyRow> whyRows(@Nullable List<String> why, @Nullable List<String> because) {
        List<String> questions = why == null ? List.of() : why;
        List<String> answers = because == null ? List.of() : because;
        List<WhyRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(questions.size(), answers.size()); i++) {
            rows.add(new WhyRow(i < questions.size() ? questions.get(i).strip() : "",
                    i < answers.size() ? answers.get(i).strip() : ""));
        }
        return rows;
    }

    /** A textarea's non-blank lines, one item each. */
    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static IncidentId incidentOr404(String id) {
        try {
            return IncidentId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    private static IncidentId incidentId(String field, String text) {
        try {
            return IncidentId.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw FormErrors.of(field, "'" + text + "' is not an incident id such as INC-12");
        }
    }

    static @Nullable LocalDate date(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw FormErrors.of(field, "'" + text + "' is not a date such as 2026-12-31");
        }
    }

    static @Nullable ActionPriority priority(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return ActionPriority.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FormErrors.of("priority", "'" + text + "' is not one of " + Arrays.toString(ActionPriority.values()));
        }
    }
}
