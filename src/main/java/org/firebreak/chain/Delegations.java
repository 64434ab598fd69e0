package org.firebreak.chain;

import java.util.List;

import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.jspecify.annotations.Nullable;

/** Picks the watched delegations a check is about: all of them, or one by name. */
final class Delegations {

    private Delegations() {
    }

    static List<WatchedDelegation> select(ChainProfile profile, @Nullable String name) {
        if (name == null || name.isBlank()) {
            return profile.delegations();
        }
        return profile.delegations().stream().filter(d -> d.name().equals(name)).toList();
    }
}
