package org.firebreak.notify;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Firebreak's Matrix account ({@code firebreak.notify.matrix.*}), which must have joined the rooms it is to write to.
 *
 * @param homeserver the account's homeserver, e.g. {@code https://matrix.example.org} (env
 *        {@code FIREBREAK_MATRIX_HOMESERVER})
 * @param accessToken the account's access token (env {@code FIREBREAK_MATRIX_ACCESS_TOKEN}, or
 *        {@code FIREBREAK_MATRIX_ACCESS_TOKEN_FILE}); transaction ids are the homeserver's per token, so a retry under
 *        the same token is recognised as one
 */
@ConfigurationProperties("firebreak.notify.matrix")
record MatrixSettings(@Nullable String homeserver, @Nullable String accessToken) {

    MatrixSettings {
        homeserver = homeserver == null || homeserver.isBlank() ? null : NtfySettings.trimSlash(homeserver.strip());
        accessToken = accessToken == null || accessToken.isBlank() ? null : accessToken.strip();
        if (homeserver != null && !NotifySettings.isHttpUrl(homeserver)) {
            throw new ConfigProblem("matrix.homeserver", "must be an http(s) URL such as https://matrix.example.org");
        }
    }

    /** Why no message can be sent to Matrix with these settings, or null when one can. */
    @Nullable String missing() {
        return homeserver == null || accessToken == null ? "no Matrix account: set firebreak.notify.matrix.homeserver "
                + "and access-token (FIREBREAK_MATRIX_HOMESERVER, FIREBREAK_MATRIX_ACCESS_TOKEN)" : null;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "MatrixSettings[homeserver=" + homeserver + ", accessToken=" + (accessToken == null ? "none" : "(set)")
                + "]";
    }
}
