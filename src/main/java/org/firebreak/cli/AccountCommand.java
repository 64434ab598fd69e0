package org.firebreak.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code firebreak account add|list|set} and {@code firebreak token create|list|revoke}: who may sign in, and API tokens. */
final class AccountCommand {

    private AccountCommand() {
    }

    private static final String ROLES = "viewer, responder, commander or admin";

    static String role(String role) {
        String upper = role.toUpperCase(Locale.ROOT);
        if (!java.util.List.of("VIEWER", "RESPONDER", "COMMANDER", "ADMIN").contains(upper)) {
            throw new CliFailure(2, "--role: '" + role + "' is not a role: " + ROLES);
        }
        return upper;
    }

    @Command(name = "account", description = "Console accounts and their roles (admins only).", mixinStandardHelpOptions = true,
            subcommands = { Add.class, ListAccounts.class, Set.class })
    static final class Accounts {
    }

    @Command(name = "add", description = "Create an account; prints its generated password once (or reads one with --password-stdin).")
    static final class Add implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "USERNAME") String username;
        @Option(names = "--role", required = true, description = ROLES) String role;
        @Option(names = "--name", description = "display name") String displayName;
        @Option(names = "--password-stdin", description = "read the password from standard input") boolean passwordStdin;
        @Option(names = "--no-sign-in", description = "an integration's account: API tokens only, no password") boolean noSignIn;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("displayName", displayName);
            body.put("role", role(role));
            body.put("password", passwordStdin ? readPassword() : null);
            body.put("signsIn", !noSignIn);
            JsonNode created = options.client().post("api/v1/accounts", body);
            if (!options.printedJson(created)) {
                JsonNode account = created.get("account");
                options.out().println("account " + Render.text(account, "username") + " (" + Render.text(account, "role")
                        .toLowerCase(Locale.ROOT) + ") created");
                if (created.hasNonNull("generatedPassword")) {
                    options.out().println("password: " + created.get("generatedPassword").asString()
                            + "   (shown once: hand it over and have it changed)");
                }
            }
            return 0;
        }

        private static String readPassword() {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CliFailure(2, "--password-stdin: no password on standard input");
                }
                return line;
            } catch (IOException e) {
                throw new CliFailure(2, "--password-stdin: " + e.getMessage());
            }
        }
    }

    @Command(name = "list", description = "Every account with its role.")
    static final class ListAccounts implements Callable<Integer> {
        @Mixin ClientOptions options;

        @Override
        public Integer call() {
            JsonNode accounts = options.client().get("api/v1/accounts");
            if (!options.printedJson(accounts)) {
                Table table = new Table("USERNAME", "ROLE", "ENABLED", "SIGNS IN", "NAME", "CREATED");
                for (JsonNode a : accounts) {
                    table.row(Render.text(a, "username"), Render.text(a, "role"), Render.text(a, "enabled"),
                            Render.text(a, "signsIn"), Render.text(a, "displayName"), Render.time(a, "createdAt"));
                }
                table.print(options.out());
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Change an account's role, or disable or enable it.")
    static final class Set implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "USERNAME") String username;
        @Option(names = "--role", description = ROLES) String role;
        @Option(names = "--disable") boolean disable;
        @Option(names = "--enable") boolean enable;

        @Override
        public Integer call() {
            if (disable && enable) {
                throw new CliFailure(2, "give at most one of --disable and --enable");
            }
            if (role == null && !disable && !enable) {
                throw new CliFailure(2, "nothing to change: give --role, --disable or --enable");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("role", role == null ? null : role(role));
            body.put("enabled", disable ? Boolean.FALSE : enable ? Boolean.TRUE : null);
            JsonNode a = options.client().patch("api/v1/accounts/" + ApiClient.segment(username), body);
            if (!options.printedJson(a)) {
                options.out().println(Render.text(a, "username") + ": " + Render.text(a, "role").toLowerCase(Locale.ROOT)
                        + (a.get("enabled").asBoolean() ? "" : ", disabled"));
            }
            return 0;
        }
    }

    @Command(name = "token", description = "API tokens for the command line and integrations.", mixinStandardHelpOptions = true,
            subcommands = { Create.class, ListTokens.class, Revoke.class })
    static final class Tokens {
    }

    @Command(name = "create", description = "Issue a token (yours, or --account's as an admin); prints it once.")
    static final class Create implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Option(names = "--name", required = true, description = "what it is for, e.g. 'alice laptop', 'chatops'") String name;
        @Option(names = "--account", description = "whose token (admins only; default: yours)") String account;
        @Option(names = "--expires-in-days", description = "default: until revoked") Integer days;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("expiresInDays", days);
            JsonNode issued = options.client().post(tokensPath(account), body);
            if (!options.printedJson(issued)) {
                options.out().println(issued.get("token").asString());
                options.err().println("token " + Render.text(issued.get("view"), "id") + " for "
                        + Render.text(issued.get("view"), "username") + ": shown once, keep it (e.g. export FIREBREAK_TOKEN=...)");
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Tokens (yours, or --account's as an admin); never their values.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Option(names = "--account", description = "whose tokens (admins only)") String account;

        @Override
        public Integer call() {
            JsonNode tokens = options.client().get(tokensPath(account));
            if (!options.printedJson(tokens)) {
                Table table = new Table("ID", "NAME", "STARTS WITH", "CREATED", "EXPIRES", "LAST USED", "REVOKED");
                for (JsonNode t : tokens) {
                    table.row(Render.text(t, "id"), Render.text(t, "name"), Render.text(t, "prefix"), Render.time(t, "createdAt"),
                            Render.time(t, "expiresAt"), Render.time(t, "lastUsedAt"), Render.time(t, "revokedAt"));
                }
                table.print(options.out());
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a token at once.")
    static final class Revoke implements Callable<Integer> {
        @Mixin ClientOptions options;
        @Parameters(paramLabel = "ID") long id;
        @Option(names = "--account", description = "whose token (admins only)") String account;

        @Override
        public Integer call() {
            JsonNode t = options.client().delete(tokensPath(account) + "/" + id);
            if (!options.printedJson(t)) {
                options.out().println("token " + Render.text(t, "id") + " (" + Render.text(t, "name") + ") revoked");
            }
            return 0;
        }
    }

    private static String tokensPath(String account) {
        return account == null ? "api/v1/me/tokens" : "api/v1/accounts/" + ApiClient.segment(account) + "/tokens";
    }
}
