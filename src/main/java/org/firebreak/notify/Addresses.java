package org.firebreak.notify;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Addresses as they may be shown on the timeline, in the API and in logs, and what each kind of address must look
 * like. A Slack or webhook URL often carries its token in the path or query, so a URL shows as scheme, host and port
 * only, or as its channel's name. An ntfy topic is the password of a server without access control, so it shows
 * its first two characters only; a phone number its country code and last two digits.
 */
final class Addresses {

    static final Pattern NTFY_TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TELEGRAM_CHAT = Pattern.compile("-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final Pattern MATRIX_ROOM = Pattern.compile("![^:\\s/]+:[^\\s/]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private Addresses() {
    }

    static String display(Destination to, NotifySettings settings) {
        return settings.channelAt(to.channel(), to.address()).map(c -> "channel " + c.name()).orElseGet(to::shown);
    }

    static String redactedUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            boolean more = uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null;
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (more ? "/…" : "");
        } catch (IllegalArgumentException e) {
            return "(unreadable URL)";
        }
    }

    /** {@code al…}, or the topic URL's server: {@code https://ntfy.example.org/…}. */
    static String redactedTopic(String address) {
        if (NotifySettings.isHttpUrl(address)) {
            return redactedUrl(address);
        }
        return address.substring(0, Math.min(2, address.length())) + "…";
    }

    /** {@code +49…78}: enough to tell two numbers of one person apart, not enough to call. */
    static String redactedPhone(String number) {
        if (number.length() < 8) {
            return "…";
        }
        return number.substring(0, 3) + "…" + number.substring(number.length() - 2);
    }

    static Optional<String> problem(ChannelKind kind, @Nullable String address) {
        if (address == null || address.isBlank()) {
            return Optional.of("is required: " + example(kind));
        }
        String a = address.strip();
        boolean ok = switch (kind) {
            case WEBHOOK, SLACK -> NotifySettings.isHttpUrl(a);
            case EMAIL -> EMAIL.matcher(a).matches();
            case CONSOLE -> true;
            case NTFY -> NTFY_TOPIC.matcher(a).matches() || ntfyTopicUrl(a);
            case TELEGRAM -> TELEGRAM_CHAT.matcher(a).matches();
            case MATRIX -> MATRIX_ROOM.matcher(a).matches();
            case SMS -> PHONE.matcher(a).matches();
        };
        return ok ? Optional.empty() : Optional.of("'" + a + "' is not " + example(kind));
    }

    /** An http(s) URL whose last path segment is a topic: the topic on that server. */
    static boolean ntfyTopicUrl(String address) {
        if (!NotifySettings.isHttpUrl(address)) {
            return false;
        }
        URI uri = URI.create(address.strip());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getRawQuery() == null && uri.getRawFragment() == null
                && NTFY_TOPIC.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
    }

    private static String example(ChannelKind kind) {
        return switch (kind) {
            case WEBHOOK -> "a webhook address: it must be an http(s) URL";
            case SLACK -> "a Slack incoming webhook: it must be an http(s) URL";
            case EMAIL -> "an email address";
            case CONSOLE -> "a name for the log, e.g. the person's id";
            case NTFY -> "an ntfy topic (letters, digits, '_' and '-', at most 64) or the URL of one on another "
                    + "server, e.g. dana-pager-7f3k or https://ntfy.example.org/dana-pager-7f3k";
            case TELEGRAM -> "a Telegram chat id: a number such as 123456789 (a group's starts with -100) or a "
                    + "channel's @name";
            case MATRIX -> "a Matrix room id such as !AbCdEf:matrix.example.org (a room's id, not an alias such as "
                    + "#ops:matrix.example.org; clients show it in the room's settings)";
            case SMS -> "a phone number in international form, such as +4915112345678 (no spaces)";
        };
    }
}
