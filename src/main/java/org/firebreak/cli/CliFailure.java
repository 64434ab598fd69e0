package org.firebreak.cli;

/** A command that cannot be carried out; printed as one line, exits with {@link #exitCode()}. */
final class CliFailure extends RuntimeException {

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
