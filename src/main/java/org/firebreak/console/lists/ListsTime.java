package org.firebreak.console.lists;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the list pages {@code time}: instants written the same way everywhere, in UTC and saying so (the plan's
 * timelines are UTC), whatever the server's own time zone.
 */
@ControllerAdvice(basePackageClasses = ListsTime.class)
class ListsTime {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    @ModelAttribute("time")
    ListsTime time() {
        return this;
    }

    /** {@code 2026-11-25 03:00Z}, or a dash for none. */
    public String at(@Nullable Instant at) {
        return at == null ? "-" : MINUTE.format(at);
    }
}
