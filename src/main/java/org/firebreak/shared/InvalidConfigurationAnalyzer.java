package org.firebreak.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stops on bad operator configuration with one readable line instead of a stack trace. */
class InvalidConfigurationAnalyzer extends AbstractFailureAnalyzer<InvalidConfiguration> {

    @Override
    protected FailureAnalysis analyze(Throwable root, InvalidConfiguration cause) {
        return new FailureAnalysis("Invalid configuration: " + cause.getMessage(),
                "Fix " + cause.source() + (cause.line() > 0 ? " at line " + cause.line() : "")
                        + " and start Firebreak again.", cause);
    }
}
