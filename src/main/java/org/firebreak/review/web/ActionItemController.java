package org.firebreak.review.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.review.ActionItemApi;
import org.firebreak.review.ActionItemChange;
import org.firebreak.review.ActionItemStatus;
import org.firebreak.review.ActionItemView;
import org.firebreak.shared.web.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Action items across incidents. They are added on a review: POST /api/v1/incidents/{id}/review/action-items. */
@RestController
@RequestMapping("/api/v1/action-items")
@Tag(name = "Post-incident reviews")
class ActionItemController {

    private final ActionItemApi actionItems;

    ActionItemController(ActionItemApi actionItems) {
        this.actionItems = actionItems;
    }

    @GetMapping
    @Operation(summary = "Action items across incidents, most urgent first; overdue=true keeps the open ones past due")
    List<ActionItemView> list(@RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable ActionItemStatus status,
            @RequestParam(required = false) @Nullable String incident,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "200") @Min(1) @Max(ActionItemApi.MAX_LIST) int limit) {
        return actionItems.list(owner, status, incident == null ? null : ReviewController.id(incident), overdue, limit);
    }

    @GetMapping("/{itemId}")
    ActionItemView show(@PathVariable long itemId) {
        return actionItems.get(itemId);
    }

    @PatchMapping("/{itemId}")
    @Operation(summary = "Change title, owner, due date, priority or status (OPEN, IN_PROGRESS, DONE, CANCELLED)")
    ActionItemView update(@PathVariable long itemId, @Valid @RequestBody ActionItemChange change, Actor actor) {
        return actionItems.update(itemId, change, actor.name());
    }
}
