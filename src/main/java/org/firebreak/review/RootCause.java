package org.firebreak.review;

import java.util.List;

/** The root cause analysis: a summary, the factors that contributed, and the "five whys" chain down to it. */
public record RootCause(String summary, List<String> contributingFactors, List<Why> fiveWhys) {

    public RootCause {
        contributingFactors = List.copyOf(contributingFactors);
        fiveWhys = List.copyOf(fiveWhys);
    }
}
