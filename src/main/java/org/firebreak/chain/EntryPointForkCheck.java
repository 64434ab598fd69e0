package org.firebreak.chain;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, in the log, when an EntryPoint of the chain profile cannot run on the chain's fork (v0.8 and v0.9
 * need transient storage) or cannot serve what its version offers (EIP-7702 accounts need Prague), so an operator
 * who lists a release the chain cannot carry hears it before the first user operation fails. Off the start-up path:
 * the chain may be slow or unreachable. The {@code entrypoint} diagnostic and the {@code entrypoint-version-unsupported}
 * rule say the same afterwards.
 */
@Component
class EntryPointForkCheck {

    private static final Logger log = LoggerFactory.getLogger(EntryPointForkCheck.class);

    private final EntryPointDiagnostic diagnostic;

    EntryPointForkCheck(EntryPointDiagnostic diagnostic) {
        this.diagnostic = diagnostic;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        Thread.ofVirtual().name("entrypoint-fork-check").start(this::check);
    }

    void check() {
        Finding finding = diagnostic.run(Map.of());
        for (Finding.Problem problem : finding.problems()) {
            switch (problem.code()) {
                case "entrypoint.fork-unsupported" -> log.error("{} (chain fork: {})", problem.message(),
                        finding.evidence().get("chain.fork"));
                case "entrypoint.fork-limited" -> log.warn("{}", problem.message());
                default -> {
                }
            }
        }
    }
}
