package org.firebreak.comms;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.firebreak.notify.ChannelKind;
import org.firebreak.notify.Destination;
import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;

/**
 * The stakeholder file: groups, each with the components it cares about ({@code "*"}: all) and how it is reached.
 * Each record checks itself; the loader adds file, line and the path of the field.
 */
record StakeholderFile(List<Group> groups) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    StakeholderFile {
        groups = ConfigProblem.required("groups", groups);
        Set<String> names = new HashSet<>();
        for (Group group : groups) {
            if (!names.add(group.name())) {
                throw new ConfigProblem("groups", "group name '" + group.name() + "' is used twice");
            }
        }
    }

    /** A group of stakeholders. */
    record Group(String name, @Nullable String description, List<String> components,
            @JsonProperty("notify") List<Contact> contacts) {

        Group {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new ConfigProblem("name", "must be lower-case letters, digits and dashes, got '" + name + "'");
            }
            components = ConfigProblem.required("components", components);
            if (components.isEmpty() || components.stream().anyMatch(c -> c == null || c.isBlank())) {
                throw new ConfigProblem("components", "name at least one component, or \"*\" for all");
            }
            contacts = ConfigProblem.required("notify", contacts);
            if (contacts.isEmpty()) {
                throw new ConfigProblem("notify", "give at least one way to reach the group");
            }
        }

        boolean covers(List<String> incidentComponents) {
            return components.contains("*") || incidentComponents.stream().anyMatch(components::contains);
        }
    }

    /** One way to reach a group: a channel (webhook, slack, email, console, ntfy, telegram, matrix, sms) and its address. */
    record Contact(String channel, String address) {

        Contact {
            ConfigProblem.required("channel", channel);
            ConfigProblem.required("address", address);
            ChannelKind kind = kind(channel);
            if ((kind == ChannelKind.WEBHOOK || kind == ChannelKind.SLACK) && !isHttpUrl(address)) {
                throw new ConfigProblem("address", "a " + channel + " address must be an http(s) URL");
            }
            if (kind == ChannelKind.EMAIL && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new ConfigProblem("address", "'" + address + "' is not an email address");
            }
            if (kind != ChannelKind.WEBHOOK && kind != ChannelKind.SLACK && kind != ChannelKind.EMAIL) {
                kind.addressProblem(address).ifPresent(problem -> {
                    throw new ConfigProblem("address", problem);
                });
            }
        }

        Destination destination() {
            return new Destination(kind(channel), address.strip(), null);
        }

        private static ChannelKind kind(String channel) {
            try {
                return ChannelKind.valueOf(channel.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigProblem("channel", "'" + channel + "' is not a channel; allowed: "
                        + Arrays.stream(ChannelKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")));
            }
        }

        private static boolean isHttpUrl(String text) {
            try {
                java.net.URI uri = java.net.URI.create(text.strip());
                return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        /** A webhook or Slack URL may carry a token: never printed. */
        @Override
        public String toString() {
            return "Contact[channel=" + channel + "]";
        }
    }
}
