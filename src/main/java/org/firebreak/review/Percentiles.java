package org.firebreak.review;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n values sorted ascending is the value at rank
 * ⌈p/100 · n⌉ (1-based). It is always one of the observed values; the median is p50, so with an even count it is the
 * lower of the two middle values (no averaging).
 */
final class Percentiles {

    static final String METHOD = "nearest-rank: the value at rank ceil(p/100 * n) of the n values sorted ascending "
            + "(median = p50, the lower middle value for an even n)";

    private Percentiles() {
    }

    static @Nullable Duration of(List<Duration> values, int p) {
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("percentile must be 1 to 100, got " + p);
        }
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
