package org.firebreak.detection;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction on alerts, replayed against the fresh state when a concurrent one claimed the same key or lock first
 * (a duplicate key, a lock time-out or deadlock); after {@link #ATTEMPTS} tries the failure is the caller's.
 */
final class Retried {

    static final int ATTEMPTS = 10;

    private Retried() {
    }

    static <T> T inTransaction(TransactionTemplate tx, Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return Objects.requireNonNull(tx.execute(status -> work.get()));
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
