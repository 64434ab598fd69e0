package org.firebreak.notify;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Firebreak's Telegram bot ({@code firebreak.notify.telegram.*}).
 *
 * @param apiUrl the Bot API's base: Telegram's own endpoint by default, or a self-hosted Bot API server (env
 *        {@code FIREBREAK_TELEGRAM_API_URL})
 * @param botToken the token BotFather gave the bot (env {@code FIREBREAK_TELEGRAM_BOT_TOKEN}, or
 *        {@code FIREBREAK_TELEGRAM_BOT_TOKEN_FILE}); it is part of every request's path, and never shown
 */
@ConfigurationProperties("firebreak.notify.telegram")
record TelegramSettings(@DefaultValue("https://api.telegram.org") String apiUrl, @Nullable String botToken) {

    TelegramSettings {
        apiUrl = NtfySettings.trimSlash(apiUrl.strip());
        botToken = botToken == null || botToken.isBlank() ? null : botToken.strip();
        if (!NotifySettings.isHttpUrl(apiUrl)) {
            throw new ConfigProblem("telegram.api-url", "must be an http(s) URL such as https://api.telegram.org");
        }
        if (botToken != null && !botToken.matches("[0-9]+:[A-Za-z0-9_-]+")) {
            throw new ConfigProblem("telegram.bot-token", "is not a bot token of the form 123456:ABC-def...");
        }
    }

    /** Why no message can be sent to Telegram with these settings, or null when one can. */
    @Nullable String missing() {
        return botToken == null ? "no Telegram bot token: set firebreak.notify.telegram.bot-token "
                + "(FIREBREAK_TELEGRAM_BOT_TOKEN)" : null;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "TelegramSettings[apiUrl=" + apiUrl + ", botToken=" + (botToken == null ? "none" : "(set)") + "]";
    }
}
