package org.firebreak.detection.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.firebreak.detection.NewSilence;
import org.firebreak.detection.SilenceApi;
import org.firebreak.detection.SilenceView;
import org.firebreak.shared.web.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Silences and maintenance windows: while active, matching alerts open no incident. */
@RestController
@Tag(name = "Silences")
class SilenceController {

    private final SilenceApi silences;

    SilenceController(SilenceApi silences) {
        this.silences = silences;
    }

    @PostMapping("/api/v1/silences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a silence or maintenance window (rule, component and/or label name=value)")
    SilenceView create(@Valid @RequestBody NewSilence command, Actor actor) {
        return silences.create(command, actor.name());
    }

    @GetMapping("/api/v1/silences")
    @Operation(summary = "Active silences, or all with all=true (newest first, at most 200)")
    List<SilenceView> list(@RequestParam(defaultValue = "false") boolean all) {
        return silences.list(all);
    }

    @GetMapping("/api/v1/silences/{id}")
    @Operation(summary = "A silence with the alerts it held back")
    SilenceView show(@PathVariable long id) {
        return silences.get(id);
    }

    @PostMapping("/api/v1/silences/{id}/end")
    @Operation(summary = "End a silence now; alerts it held back that still fire open their incidents")
    SilenceView end(@PathVariable long id, Actor actor) {
        return silences.end(id, actor.name());
    }
}
