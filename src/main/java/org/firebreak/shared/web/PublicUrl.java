package org.firebreak.shared.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people reach this server, for every link it hands out (notifications, acknowledge links, the status page's
 * JSON and feed): {@code firebreak.public-url} (env {@code FIREBREAK_PUBLIC_URL}), or else this server's own address
 * and port, read when a link is made (the port may be chosen at start-up).
 */
@Component
public class PublicUrl {

    private final Environment environment;

    public PublicUrl(Environment environment) {
        this.environment = environment;
    }

    /** The base, without a trailing slash, e.g. {@code http://127.0.0.1:8080}. */
    public String base() {
        String configured = environment.getProperty("firebreak.public-url", "").strip();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String address = environment.getProperty("server.address", "127.0.0.1");
        if (address.equals("0.0.0.0") || address.equals("::")) {
            address = "127.0.0.1";
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
