package org.firebreak.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.firebreak.chain.Finding.Problem;
import org.firebreak.chain.Finding.Status;

/**
 * The problems a diagnostic found, each with a stable code (what detection rules match on), the thing it is
 * about and one line for a human; the finding's status is the worst of them.
 */
final class Problems {

    private final List<Problem> problems = new ArrayList<>();

    void fail(String code, String subject, String message) {
        problems.add(new Problem(code, Status.FAIL, subject, message));
    }

    void warn(String code, String subject, String message) {
        problems.add(new Problem(code, Status.WARN, subject, message));
    }

    Status status() {
        return problems.stream().map(Problem::status).reduce(Status.OK, Status::worst);
    }

    /** The worst problems first, in the order found within a weight. */
    List<Problem> list() {
        return problems.stream().sorted(Comparator.comparing(Problem::status).reversed()).toList();
    }

    /** The worst problems first, joined; or the OK line when there is none. */
    String summary(String ok) {
        return problems.isEmpty() ? ok : String.join("; ", list().stream().map(Problem::message).toList());
    }
}
