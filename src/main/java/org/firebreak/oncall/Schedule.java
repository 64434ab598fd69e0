package org.firebreak.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;

/**
 * Who is on call, over time: layers of rotations (a later layer overrides earlier ones wherever it has someone) and
 * overrides on top (someone covers the schedule from one instant to another; the newest wins).
 *
 * @param id how policies and the API name the schedule
 * @param timeZone where its hand-offs and restriction windows are reckoned, e.g. {@code Europe/Berlin}
 * @param overrides overrides known in advance; more are added at run time through the API (and stored)
 */
record Schedule(String id, @Nullable String name, String timeZone, List<Layer> layers,
        @Nullable List<ConfiguredOverride> overrides) {

    Schedule {
        ConfigValues.id("schedule", id);
        name = name == null || name.isBlank() ? id : name.strip();
        ConfigValues.zone("timeZone", ConfigProblem.required("timeZone", timeZone));
        if (layers == null || layers.isEmpty()) {
            throw new ConfigProblem("layers", "give at least one layer (a rotation)");
        }
        layers = List.copyOf(layers);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    ZoneId zone() {
        return ConfigValues.zone("timeZone", timeZone);
    }

    /**
     * Who is on call at {@code at}: the newest override covering it (stored ones are newer than configured ones),
     * otherwise the highest layer that has someone.
     */
    Optional<Shift> onCallAt(Instant at, List<OverrideView> stored) {
        Optional<Shift> override = stored.stream().filter(o -> o.covers(at))
                .max(Comparator.comparingLong(OverrideView::id))
                .map(o -> new Shift(o.person(), o.from(), o.until(), o.source()));
        if (override.isPresent()) {
            return override;
        }
        for (int i = overrides().size() - 1; i >= 0; i--) {
            ConfiguredOverride o = overrides().get(i);
            if (!at.isBefore(o.from()) && at.isBefore(o.until())) {
                return Optional.of(new Shift(o.person(), o.from(), o.until(), o.source(i)));
            }
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            Optional<Shift> shift = layers.get(i).shiftAt(at, zone(), layers.get(i).label(i));
            if (shift.isPresent()) {
                return shift;
            }
        }
        return Optional.empty();
    }

    /** Someone covers the schedule for a while; from the configuration file. */
    record ConfiguredOverride(String person, Instant from, Instant until, @Nullable String reason) {

        ConfiguredOverride {
            ConfigProblem.required("person", person);
            ConfigProblem.required("from", from);
            ConfigProblem.required("until", until);
            if (!until.isAfter(from)) {
                throw new ConfigProblem("until", "must be after from (" + from + ")");
            }
        }

        String source(int index) {
            return "configured override " + (index + 1) + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
        }
    }
}
