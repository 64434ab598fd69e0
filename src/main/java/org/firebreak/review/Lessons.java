package org.firebreak.review;

import java.util.List;

/** Lessons learned: what went well, what went badly, and where the team was lucky. */
public record Lessons(List<String> wentWell, List<String> wentBadly, List<String> lucky) {

    public Lessons {
        wentWell = List.copyOf(wentWell);
        wentBadly = List.copyOf(wentBadly);
        lucky = List.copyOf(lucky);
    }
}
