package org.firebreak.devnet;

import java.util.List;

/** The user operations one {@link UserOperations} call sent from {@code account}, bundle by bundle. */
public record SentOperations(UserOperations.SmartAccount account, List<SentBundle> bundles) {

    public SentOperations {
        bundles = List.copyOf(bundles);
    }

    /** Every operation of every bundle, in the order sent. */
    public List<SentBundle.Operation> operations() {
        return bundles.stream().flatMap(b -> b.operations().stream()).toList();
    }
}
