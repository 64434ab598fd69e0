package org.firebreak.notify;

import java.net.URI;

/**
 * Addresses as they may be shown on the timeline, in the API and in logs. A Slack or webhook URL often carries its
 * token in the path or query, so a URL shows as scheme, host and port only, or as its channel's name.
 */
final class Addresses {

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
}
