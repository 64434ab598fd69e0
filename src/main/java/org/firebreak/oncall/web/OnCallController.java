package org.firebreak.oncall.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.firebreak.oncall.InvalidOnCallInput;
import org.firebreak.oncall.NewOverride;
import org.firebreak.oncall.OnCallApi;
import org.firebreak.oncall.OnCallApi.OnCallView;
import org.firebreak.oncall.OnCallApi.ScheduleView;
import org.firebreak.oncall.OverrideView;
import org.firebreak.oncall.Person;
import org.firebreak.shared.web.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who is on call: schedules, who each has on call now or at an instant, and overrides. */
@RestController
@RequestMapping("/api/v1/oncall")
@Tag(name = "On-call")
class OnCallController {

    private final OnCallApi onCall;

    OnCallController(OnCallApi onCall) {
        this.onCall = onCall;
    }

    @GetMapping("/schedules")
    @Operation(summary = "The schedules in force, with their layers, who is on call now and the stored overrides to come")
    List<ScheduleView> schedules() {
        return onCall.schedules();
    }

    @GetMapping("/schedules/{id}")
    ScheduleView schedule(@PathVariable String id) {
        return onCall.schedule(id);
    }

    @GetMapping("/schedules/{id}/oncall")
    @Operation(summary = "Who the schedule has on call at an instant (at=2026-11-25T03:00:00Z; default now)")
    OnCallView onCallAt(@PathVariable String id, @RequestParam(required = false) @Nullable String at) {
        return at == null ? onCall.onCallNow(id) : onCall.onCall(id, instant(at));
    }

    @GetMapping("/now")
    @Operation(summary = "Who every schedule has on call now")
    List<OnCallView> now() {
        return onCall.now();
    }

    @GetMapping("/escalation-paths")
    @Operation(summary = "Every policy's escalation path now: per level, whom it would page (a schedule's person on "
            + "call now, or the level's people)")
    List<OnCallApi.PathNow> escalationPaths() {
        return onCall.escalationPathsNow();
    }

    @GetMapping("/people")
    @Operation(summary = "The people who can be paged and their contact methods")
    List<Person> people() {
        return onCall.people();
    }

    @PostMapping("/schedules/{id}/overrides")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Someone covers the schedule from one instant until another (newest override wins)")
    OverrideView override(@PathVariable String id, @Valid @RequestBody NewOverride override, Actor actor) {
        return onCall.addOverride(id, override, actor.name());
    }

    /** {@code 2026-11-25T03:00:00Z} or with an offset, {@code 2026-11-25T04:00:00+01:00}. */
    static Instant instant(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidOnCallInput("at", "'" + text + "' is not an instant such as 2026-11-25T03:00:00Z");
            }
        }
    }
}
