package org.firebreak.chain;

/**
 * The blocks whose time lies in a window: {@code first} is the first block at or after the window's start,
 * {@code last} the last block at or before its end. Anyone can re-check what was counted in it with
 * {@code eth_getLogs} from {@code first.number} to {@code last.number}.
 */
public record BlockRange(BlockAt first, BlockAt last) {

    public long blocks() {
        return last.number() - first.number() + 1;
    }
}
