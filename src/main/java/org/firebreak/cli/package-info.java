/**
 * The command line: {@code up} starts the server (and the devnet when no chain is configured), {@code devnet}
 * runs the local chain-138 devnet, every other command is a client of the REST API
 * (server from {@code --server} or {@code FIREBREAK_URL}) printing readable tables or, with {@code --json},
 * the API's JSON. Errors are one line on stderr and a non-zero exit.
 */
@ApplicationModule(displayName = "Command line", allowedDependencies = { "devnet", "chain", "playbook", "detection",
        "oncall", "comms", "notify", "shared" })
@NullMarked
package org.firebreak.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
