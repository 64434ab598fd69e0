package org.firebreak.chain;

import java.util.ArrayList;
import java.util.List;

import org.firebreak.chain.Finding.Status;

/** The problems a diagnostic found, each with its weight; the finding's status is the worst of them. */
final class Problems {

    private final List<String> fails = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void fail(String problem) {
        fails.add(problem);
    }

    void warn(String problem) {
        warnings.add(problem);
    }

    Status status() {
        return !fails.isEmpty() ? Status.FAIL : !warnings.isEmpty() ? Status.WARN : Status.OK;
    }

    /** The worst problems first, joined; or the OK line when there is none. */
    String summary(String ok) {
        List<String> all = new ArrayList<>(fails);
        all.addAll(warnings);
        return all.isEmpty() ? ok : String.join("; ", all);
    }
}
