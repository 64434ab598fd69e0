package org.firebreak.detection;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a detection rule stands: when it last looked, what went wrong if it could not, and each subject it holds
 * for (PENDING while its condition waits out {@code for}, FIRING, CLEARING while it waits out {@code keepFiringFor}).
 */
public record RuleStatus(String id, String title, String severity, String source, boolean enabled,
        @Nullable Instant lastEvaluatedAt, @Nullable String lastError, List<InstanceStatus> instances) {

    public record InstanceStatus(String subject, String state, Instant since, String summary) {
    }
}
