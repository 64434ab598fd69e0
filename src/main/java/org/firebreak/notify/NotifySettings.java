package org.firebreak.notify;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages travel ({@code firebreak.notify.*}).
 *
 * @param channels the team's named channels (the devnet default: a console channel {@code team})
 * @param teamChannel the channel team notices go to, and reminders when an incident has no commander
 * @param retry how webhook, Slack and email deliveries are retried
 * @param requestTimeout how long one webhook request may take before it counts as a failed attempt
 * @param mailFrom the sender of notification emails
 * @param defaultWebhookSecret signs webhooks to URLs that are not a named channel (a person's own webhook)
 * @param templates the operators' template directory; a {@code <kind>.mustache} there replaces the shipped one
 */
@ConfigurationProperties("firebreak.notify")
record NotifySettings(@Nullable List<Channel> channels, @DefaultValue("team") String teamChannel,
        @DefaultValue Retry retry, @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("firebreak@localhost") String mailFrom, @Nullable String defaultWebhookSecret,
        @DefaultValue("config/templates") Path templates) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    NotifySettings {
        channels = channels == null ? List.of() : List.copyOf(channels);
        Set<String> names = new HashSet<>();
        for (Channel channel : channels) {
            if (!names.add(channel.name())) {
                throw new ConfigProblem("channels", "channel name '" + channel.name() + "' is used twice");
            }
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new ConfigProblem("requestTimeout", "must be positive, e.g. 10s");
        }
    }

    Optional<Channel> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** A named channel with this kind and address, so its secret signs and its name shows instead of the URL. */
    Optional<Channel> channelAt(ChannelKind kind, String address) {
        return channels.stream().filter(c -> c.kind() == kind && c.target().equals(address)).findFirst();
    }

    /** The secret of the named webhook channel at this URL, if one is. */
    Optional<String> channelSecret(String url) {
        return channelAt(ChannelKind.WEBHOOK, url).map(Channel::secret).filter(s -> !s.isBlank());
    }

    /** {@code default-webhook-secret}, if set. */
    Optional<String> defaultSecret() {
        return Optional.ofNullable(defaultWebhookSecret).filter(s -> !s.isBlank());
    }

    /** One named channel: {@code url} for webhooks and Slack, {@code address} for email and the console. */
    record Channel(String name, ChannelKind kind, @Nullable String url, @Nullable String address,
            @Nullable String secret) {

        Channel {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new ConfigProblem("channels[].name", "must be lower-case letters, digits and dashes, got '"
                        + name + "'");
            }
            if (kind == null) {
                throw new ConfigProblem("channels[" + name + "].kind", "must be WEBHOOK, SLACK, EMAIL or CONSOLE");
            }
            String where = url != null ? url : address;
            if (where == null || where.isBlank()) {
                throw new ConfigProblem("channels[" + name + "]", (kind == ChannelKind.WEBHOOK || kind == ChannelKind.SLACK
                        ? "url" : "address") + " is required");
            }
            if ((kind == ChannelKind.WEBHOOK || kind == ChannelKind.SLACK) && !isHttpUrl(where)) {
                throw new ConfigProblem("channels[" + name + "].url", "must be an http(s) URL");
            }
            if (kind == ChannelKind.WEBHOOK && (secret == null || secret.length() < 16)) {
                throw new ConfigProblem("channels[" + name + "].secret",
                        "a webhook needs a signing secret of at least 16 characters");
            }
        }

        /** The URL or the address, whichever the kind uses. */
        String target() {
            return url != null ? url : java.util.Objects.requireNonNull(address);
        }

        Destination destination(@Nullable String person) {
            return new Destination(kind, target(), person);
        }

        /** Never prints the secret or a URL that may carry a token. */
        @Override
        public String toString() {
            return "Channel[name=" + name + ", kind=" + kind + "]";
        }
    }

    /**
     * Attempts with exponential backoff: the n-th failure waits {@code initialBackoff * 2^(n-1)}, at most
     * {@code maxBackoff}; after {@code attempts} attempts the delivery has FAILED.
     */
    record Retry(@DefaultValue("5") int attempts, @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff) {

        Retry {
            if (attempts < 1) {
                throw new ConfigProblem("retry.attempts", "must be at least 1");
            }
            if (initialBackoff.isNegative() || initialBackoff.isZero()) {
                throw new ConfigProblem("retry.initialBackoff", "must be positive, e.g. 2s");
            }
        }

        Duration backoffAfter(int attempt) {
            Duration wait = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text.strip());
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
