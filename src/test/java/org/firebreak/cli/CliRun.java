package org.firebreak.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the {@code firebreak} command line with what it printed; client commands start no server. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FirebreakCli.commandLine(a -> {
            throw new AssertionError("a client command must not start the server");
        }, new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
