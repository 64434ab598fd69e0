package org.firebreak.review.web;

import java.net.URI;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.firebreak.incident.IncidentId;
import org.firebreak.review.ActionItemApi;
import org.firebreak.review.ActionItemView;
import org.firebreak.review.InvalidReviewInput;
import org.firebreak.review.NewActionItem;
import org.firebreak.review.ReviewApi;
import org.firebreak.review.ReviewApi.IncidentArchive;
import org.firebreak.review.ReviewEdit;
import org.firebreak.review.ReviewExports;
import org.firebreak.review.ReviewView;
import org.firebreak.review.TimelineAnnotation;
import org.firebreak.review.web.ReviewRequests.ReturnToDraft;
import org.firebreak.shared.web.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An incident's post-incident review: write it, mark its timeline, move it to publication, export it. */
@RestController
@RequestMapping("/api/v1/incidents/{id}/review")
@Tag(name = "Post-incident reviews")
class ReviewController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final ReviewApi reviews;
    private final ReviewExports exports;
    private final ActionItemApi actionItems;

    ReviewController(ReviewApi reviews, ReviewExports exports, ActionItemApi actionItems) {
        this.reviews = reviews;
        this.exports = exports;
        this.actionItems = actionItems;
    }

    @PostMapping
    @Operation(summary = "Start the incident's review as a DRAFT (one per incident)")
    ResponseEntity<ReviewView> start(@PathVariable String id, Actor actor) {
        IncidentId incident = id(id);
        ReviewView view = reviews.start(incident, actor.name());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident + "/review")).body(view);
    }

    @GetMapping
    @Operation(summary = "The review with its generated timeline, computed impact, action items and documentation set")
    ReviewView show(@PathVariable String id) {
        return reviews.get(id(id));
    }

    @PatchMapping
    @Operation(summary = "Edit a DRAFT: fields given replace what was there (lists replace the whole list)")
    ReviewView edit(@PathVariable String id, @Valid @RequestBody ReviewEdit edit, Actor actor) {
        return reviews.edit(id(id), edit, actor.name());
    }

    @PutMapping("/timeline/{seq}")
    @Operation(summary = "Mark a recorded timeline entry as key and/or give it context; the entry stays as recorded")
    ReviewView mark(@PathVariable String id, @PathVariable int seq, @Valid @RequestBody TimelineAnnotation annotation,
            Actor actor) {
        return reviews.mark(id(id), seq, annotation, actor.name());
    }

    @PostMapping("/submit")
    @Operation(summary = "DRAFT → IN_REVIEW; 409 naming what the documentation set lacks")
    ReviewView submit(@PathVariable String id, Actor actor) {
        return reviews.submit(id(id), actor.name());
    }

    @PostMapping("/return")
    @Operation(summary = "IN_REVIEW → DRAFT, with the reviewer's reason")
    ReviewView returnToDraft(@PathVariable String id, @Valid @RequestBody ReturnToDraft body, Actor actor) {
        return reviews.returnToDraft(id(id), body.reason(), actor.name());
    }

    @PostMapping("/publish")
    @Operation(summary = "IN_REVIEW → PUBLISHED for a resolved incident; freezes the impact; Critical and High "
            + "incidents can then be CLOSED")
    ReviewView publish(@PathVariable String id, Actor actor) {
        return reviews.publish(id(id), actor.name());
    }

    @PostMapping("/action-items")
    @Operation(summary = "Add an action item (owner, due date, priority) to the review")
    ResponseEntity<ActionItemView> addActionItem(@PathVariable String id, @Valid @RequestBody NewActionItem item,
            Actor actor) {
        ActionItemView created = actionItems.add(id(id), item, actor.name());
        return ResponseEntity.created(URI.create("/api/v1/action-items/" + created.id())).body(created);
    }

    @GetMapping(value = "/export.md", produces = "text/markdown")
    @Operation(summary = "The review as Markdown (same content as the page and the PDF)")
    ResponseEntity<String> markdown(@PathVariable String id) {
        IncidentId incident = id(id);
        return ResponseEntity.ok().contentType(MARKDOWN).header(HttpHeaders.CONTENT_DISPOSITION,
                inline(incident + "-review.md")).body(exports.markdown(incident));
    }

    @GetMapping(value = "/export.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The review page's XHTML, as the PDF is rendered from it")
    ResponseEntity<String> html(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .body(exports.html(id(id)));
    }

    @GetMapping(value = "/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The review as PDF, rendered from the review page, with the timeline and the phase chart")
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        IncidentId incident = id(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                inline(incident + "-review.pdf")).body(exports.pdf(incident));
    }

    @GetMapping("/archive")
    @Operation(summary = "The whole incident as JSON for archiving: incident, checklist with findings, timeline, "
            + "review, action items")
    ResponseEntity<IncidentArchive> archive(@PathVariable String id) {
        IncidentId incident = id(id);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(incident + ".json").build().toString()).body(reviews.archive(incident));
    }

    private static String inline(String filename) {
        return ContentDisposition.inline().filename(filename).build().toString();
    }

    static IncidentId id(String text) {
        try {
            return IncidentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidReviewInput("id", e.getMessage());
        }
    }
}
