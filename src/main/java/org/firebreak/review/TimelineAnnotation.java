package org.firebreak.review;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * What the author adds to one recorded timeline entry: whether it is a key entry, and context the record lacks
 * (what people knew then, why they chose what they did). The entry itself stays as recorded.
 */
public record TimelineAnnotation(boolean key, @Size(max = 2000) @Nullable String context) {
}
