package org.firebreak.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Secrets outside the devnet. First, any {@code FIREBREAK_..._FILE} variable supplies {@code FIREBREAK_...} from that
 * file (trailing line break dropped), as container secrets are mounted; both set at once is refused. Then, unless
 * this server runs on the local devnet ({@code firebreak.devnet}, which {@code firebreak up} sets when it starts the
 * devnet) or watches no chain at all, start-up is refused while any secret that signs or admits something is a
 * shipped {@code devnet-...} default or shorter than 16 bytes, naming each variable to set: the integrations'
 * secrets, the acknowledge-link secret, the webhook signing secret and webhook channels' secrets.
 */
public final class ProductionSecrets implements EnvironmentPostProcessor, Ordered {

    static final int MIN_BYTES = 16;
    private static final String SHIPPED = "devnet-";
    /** The shipped integrations' secrets come from these variables. */
    private static final Map<String, String> INTEGRATION_VARIABLES = Map.of("alertmanager",
            "FIREBREAK_ALERTMANAGER_SECRET", "pagerduty", "FIREBREAK_PAGERDUTY_SECRET");

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 5;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        secretFiles(environment, System.getenv());
        if (environment.getProperty("firebreak.devnet", Boolean.class, false) || !watchesAChain(environment)) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw InvalidConfiguration.at("the environment", 0, "",
                    "outside the devnet Firebreak does not start with shipped or short secrets (at least " + MIN_BYTES
                            + " bytes, not devnet-...): " + String.join("; ", problems)
                            + " (a variable NAME can also be read from a file: NAME_FILE=/run/secrets/...)");
        }
    }

    /**
     * The process's {@code FIREBREAK_..._FILE} variables added to {@code environment} as the server adds them: for
     * {@code firebreak check}, which reads the settings without starting one.
     */
    public static void secretFiles(ConfigurableEnvironment environment) {
        secretFiles(environment, System.getenv());
    }

    /** FIREBREAK_X_FILE=path supplies FIREBREAK_X. */
    static void secretFiles(ConfigurableEnvironment environment, Map<String, String> variables) {
        Map<String, Object> fromFiles = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith("FIREBREAK_") || !name.endsWith("_FILE") || name.equals("FIREBREAK_TOKEN_FILE")) {
                continue;
            }
            String target = name.substring(0, name.length() - "_FILE".length());
            if (variables.get(target) != null) {
                throw InvalidConfiguration.at("the environment", 0, name, "both " + target + " and " + name
                        + " are set: keep one");
            }
            Path file = Path.of(variable.getValue());
            try {
                fromFiles.put(target, Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\r?\\n$", ""));
            } catch (IOException e) {
                throw InvalidConfiguration.at("the environment", 0, name, "cannot read " + file + ": " + e.getMessage());
            }
        }
        if (!fromFiles.isEmpty()) {
            MapPropertySource files = new MapPropertySource("firebreakSecretFiles", fromFiles);
            if (environment.getPropertySources().contains("systemEnvironment")) {
                environment.getPropertySources().addAfter("systemEnvironment", files);
            } else {
                environment.getPropertySources().addLast(files);
            }
        }
    }

    private static boolean watchesAChain(ConfigurableEnvironment environment) {
        String rpc = environment.getProperty("firebreak.chain.rpc-url", "");
        String profile = environment.getProperty("firebreak.chain.profile", "");
        return !rpc.isBlank() || !profile.isBlank() && Files.exists(Path.of(profile));
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        check(problems, "FIREBREAK_ACK_SECRET (firebreak.oncall.ack-secret)",
                environment.getProperty("firebreak.oncall.ack-secret"));
        check(problems, "FIREBREAK_WEBHOOK_SECRET (firebreak.notify.default-webhook-secret)",
                environment.getProperty("firebreak.notify.default-webhook-secret"));
        Binder binder = Binder.get(environment);
        List<Map<String, String>> integrations = binder.bind("firebreak.detection.integrations",
                Bindable.listOf(Map.class)).orElse(List.of()).stream().map(ProductionSecrets::strings).toList();
        for (int i = 0; i < integrations.size(); i++) {
            String name = integrations.get(i).getOrDefault("name", "#" + i);
            String variable = INTEGRATION_VARIABLES.get(name);
            check(problems, (variable == null ? "" : variable + " ") + "(firebreak.detection.integrations[" + i
                    + "].secret, integration " + name + ")", integrations.get(i).get("secret"));
        }
        List<Map<String, String>> channels = binder.bind("firebreak.notify.channels",
                Bindable.listOf(Map.class)).orElse(List.of()).stream().map(ProductionSecrets::strings).toList();
        for (int i = 0; i < channels.size(); i++) {
            String secret = channels.get(i).get("secret");
            if ("WEBHOOK".equalsIgnoreCase(channels.get(i).get("kind")) && secret != null) {
                check(problems, "firebreak.notify.channels[" + i + "].secret (channel "
                        + channels.get(i).getOrDefault("name", "#" + i) + ")", secret);
            }
        }
        return problems;
    }

    private static Map<String, String> strings(Map<?, ?> map) {
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((k, v) -> strings.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        return strings;
    }

    private static void check(List<String> problems, String what, String value) {
        if (value == null || value.isBlank()) {
            problems.add(what + " is not set");
        } else if (value.startsWith(SHIPPED)) {
            problems.add(what + " is the shipped devnet default");
        } else if (value.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            problems.add(what + " is shorter than " + MIN_BYTES + " bytes");
        }
    }
}
