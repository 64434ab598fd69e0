package org.firebreak.chain;

import java.time.Instant;

/** A block as the node serves it: number, hash and block time (seconds, as the chain keeps it). */
public record BlockAt(long number, String hash, Instant time) {
}
