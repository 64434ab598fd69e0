package org.firebreak.review.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.firebreak.incident.IncidentApi;
import org.firebreak.incident.IncidentId;
import org.firebreak.incident.IncidentSummary;
import org.firebreak.review.ActionItemApi;
import org.firebreak.review.ActionItemChange;
import org.firebreak.review.ActionItemPage;
import org.firebreak.review.ActionItemStatus;
import org.firebreak.review.ActionItemView;
import org.firebreak.review.ReviewConflict;
import org.firebreak.shared.web.Actor;
import org.firebreak.shared.web.ConsolePage;
import org.firebreak.shared.web.FormErrors;
import org.firebreak.shared.web.ListPager;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * GET /action-items: the action items of every review, most urgent first, open, overdue, done or all, for one owner
 * or everyone; overdue ones say so in words. POST /action-items/{id} changes an item's status, owner or due day and
 * comes back to the same list, or re-renders it with the field at fault and nothing changed.
 */
@ConsolePage
class ActionItemPages {

    static final int SIZE = 50;

    private final ActionItemApi actionItems;
    private final IncidentApi incidents;
    private final Validator validator;

    ActionItemPages(ActionItemApi actionItems, IncidentApi incidents, Validator validator) {
        this.actionItems = actionItems;
        this.incidents = incidents;
        this.validator = validator;
    }

    /** An item with its incident's row (title, severity), read for the whole list in one query. */
    record Row(ActionItemView item, @Nullable IncidentSummary incident) {
    }

    @GetMapping("/action-items")
    String list(@RequestParam(defaultValue = "open") String show, @RequestParam(defaultValue = "") String owner,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return render(show, owner, Math.max(0, page), Map.of(), null, request, response, model);
    }

    @PostMapping("/action-items/{id}")
    String change(@PathVariable long id, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String dueOn,
            @RequestParam(defaultValue = "open") String show, @RequestParam(defaultValue = "") String ownerFilter,
            Actor actor, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            if (owner.isBlank()) {
                throw FormErrors.of("owner", "give who owns it");
            }
            if (dueOn.isBlank()) {
                throw FormErrors.of("dueOn", "give the day it is due by");
            }
            ActionItemChange change = FormErrors.check(validator, new ActionItemChange(null, owner.strip(),
                    ReviewPages.date("dueOn", dueOn), null, status(status)), "");
            actionItems.update(id, change, actor.name());
            return "redirect:" + UriComponentsBuilder.fromPath("/action-items").queryParam("show", show)
                    .queryParam("owner", ownerFilter).queryParam("saved", id).encode().build().toUriString();
        } catch (FormErrors e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(show, ownerFilter, 0, e.fields(), id, request, response, model);
        } catch (ReviewConflict e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return render(show, ownerFilter, 0, Map.of("status", e.getMessage()), id, request, response, model);
        }
    }

    private String render(String show, String owner, int page, Map<String, String> errors, @Nullable Long failed,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        String who = owner.isBlank() ? null : owner.strip();
        ActionItemPage found = switch (show) {
            case "open" -> actionItems.page(who, Set.of(ActionItemStatus.OPEN, ActionItemStatus.IN_PROGRESS), false,
                    page, SIZE);
            case "overdue" -> actionItems.page(who, Set.of(), true, page, SIZE);
            case "done" -> actionItems.page(who, Set.of(ActionItemStatus.DONE), false, page, SIZE);
            case "all" -> actionItems.page(who, Set.of(), false, page, SIZE);
            default -> {
                all.put("show", "'" + show + "' is not one of open, overdue, done, all");
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                yield new ActionItemPage(List.of(), 0, 0, SIZE);
            }
        };
        List<ActionItemView> items = found.items();
        Map<IncidentId, IncidentSummary> byId = incidents.summaries(items.stream().map(ActionItemView::incident)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(IncidentSummary::id, Function.identity()));
        model.addAttribute("rows", items.stream().map(i -> new Row(i, byId.get(i.incident()))).toList());
        model.addAttribute("pager", ListPager.of(request, found.total(), found.page(), SIZE, items.size()));
        model.addAttribute("show", show);
        model.addAttribute("owner", owner);
        model.addAttribute("errors", all);
        model.addAttribute("failed", failed);
        model.addAttribute("statuses", ActionItemStatus.values());
        return "review/action-items";
    }

    private static @Nullable ActionItemStatus status(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return ActionItemStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FormErrors.of("status", "'" + text + "' is not one of OPEN, IN_PROGRESS, DONE, CANCELLED");
        }
    }
}
