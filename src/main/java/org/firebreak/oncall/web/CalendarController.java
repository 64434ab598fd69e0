package org.firebreak.oncall.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.firebreak.oncall.CalendarFeeds;
import org.firebreak.shared.web.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * On-call calendars: iCalendar feeds of a schedule and of a person, which calendar apps fetch without signing in (the
 * URL's token is the credential), and the list of feed URLs for someone signed in.
 */
@RestController
@Tag(name = "On-call")
class CalendarController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    CalendarController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/api/v1/oncall/calendars")
    @Operation(summary = "The calendar feeds to subscribe to: every schedule's, and one's own person feed")
    List<CalendarFeeds.CalendarLink> links(Actor actor) {
        return feeds.links(actor.name());
    }

    @GetMapping("/calendars/schedules/{id}.ics")
    @Operation(summary = "A schedule's shifts as iCalendar (RFC 5545); the token from /api/v1/oncall/calendars")
    ResponseEntity<String> schedule(@PathVariable String id, @RequestParam(required = false) @Nullable String token) {
        return calendar(feeds.schedule(id, token == null ? "" : token));
    }

    @GetMapping("/calendars/people/{id}.ics")
    @Operation(summary = "A person's shifts in every schedule as iCalendar (RFC 5545); the token is theirs")
    ResponseEntity<String> person(@PathVariable String id, @RequestParam(required = false) @Nullable String token) {
        return calendar(feeds.person(id, token == null ? "" : token));
    }

    private static ResponseEntity<String> calendar(String text) {
        return ResponseEntity.ok().contentType(CALENDAR).header("Cache-Control", "private, max-age=300").body(text);
    }
}
