package org.firebreak.notify;

import java.util.Optional;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ntfy server that NTFY contacts' topics are published to ({@code firebreak.notify.ntfy.*}).
 *
 * @param url the server, e.g. a self-hosted {@code https://ntfy.example.org} (env {@code FIREBREAK_NTFY_URL}); a
 *        contact whose address is a whole topic URL is published on that URL's server instead
 * @param token an access token ({@code tk_...}) sent as {@code Authorization: Bearer} to this server only, never to
 *        another server a contact's URL names (env {@code FIREBREAK_NTFY_TOKEN}, or {@code FIREBREAK_NTFY_TOKEN_FILE})
 */
@ConfigurationProperties("firebreak.notify.ntfy")
record NtfySettings(@Nullable String url, @Nullable String token) {

    NtfySettings {
        url = url == null || url.isBlank() ? null : trimSlash(url.strip());
        token = token == null || token.isBlank() ? null : token.strip();
        if (url != null && !NotifySettings.isHttpUrl(url)) {
            throw new ConfigProblem("ntfy.url", "must be an http(s) URL such as https://ntfy.example.org");
        }
    }

    Optional<String> server() {
        return Optional.ofNullable(url);
    }

    /**
     * Why nothing can be published to a contact's address with these settings, or null when it can: a bare topic
     * needs the server, a topic's whole URL names its own.
     */
    @Nullable String missing(String address) {
        return url == null && !Addresses.ntfyTopicUrl(address.strip()) ? "no ntfy server configured: set "
                + "firebreak.notify.ntfy.url (FIREBREAK_NTFY_URL), or give the contact its topic's whole URL" : null;
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "NtfySettings[url=" + url + ", token=" + (token == null ? "none" : "(set)") + "]";
    }
}
