package org.firebreak.notify;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.firebreak.shared.ConfigProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS gateway's HTTP API ({@code firebreak.notify.sms.*}): an Android phone running an SMS gateway app, or any
 * service that sends a text message on one HTTP request. The URL and the body are templates: {@code {{to}}} is the
 * phone number, {@code {{text}}} the message (at most 160 GSM characters), {@code {{key}}} the delivery's key, which
 * gateways that take a message id can use to drop a repeat. In the URL they are URL-encoded; in a JSON body JSON-escaped
 * (inside the template's quotes); in a form body URL-encoded; elsewhere as they are.
 *
 * @param url the gateway's endpoint (env {@code FIREBREAK_SMS_URL})
 * @param method GET, POST or PUT; a GET sends no body
 * @param contentType the body's type: {@code application/json}, {@code application/x-www-form-urlencoded} or another
 * @param body the body template; by default {@code {"to": "{{to}}", "text": "{{text}}"}}
 * @param headers more request headers, e.g. an API key (env placeholders keep it out of the file); written as
 *        {@code "[X-Api-Key]": ${FIREBREAK_SMS_API_KEY}} so the name keeps its case
 * @param username with {@code password}: HTTP basic authentication (env {@code FIREBREAK_SMS_USERNAME},
 *        {@code FIREBREAK_SMS_PASSWORD} or {@code FIREBREAK_SMS_PASSWORD_FILE})
 */
@ConfigurationProperties("firebreak.notify.sms")
record SmsSettings(@Nullable String url, @DefaultValue("POST") String method,
        @DefaultValue("application/json") String contentType, @Nullable String body,
        @Nullable Map<String, String> headers, @Nullable String username, @Nullable String password) {

    static final String DEFAULT_BODY = "{\"to\": \"{{to}}\", \"text\": \"{{text}}\"}";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT");

    SmsSettings {
        url = url == null || url.isBlank() ? null : url.strip();
        method = method.strip().toUpperCase(Locale.ROOT);
        body = body == null || body.isBlank() ? DEFAULT_BODY : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        username = username == null || username.isBlank() ? null : username;
        password = password == null || password.isBlank() ? null : password;
        if (url != null && !NotifySettings.isHttpUrl(url.replace("{{", "").replace("}}", ""))) {
            throw new ConfigProblem("sms.url", "must be an http(s) URL, e.g. http://192.168.1.20:8080/message");
        }
        if (!METHODS.contains(method)) {
            throw new ConfigProblem("sms.method", "must be GET, POST or PUT");
        }
        if ((username == null) != (password == null)) {
            throw new ConfigProblem("sms.username", "basic authentication needs both username and password");
        }
    }

    boolean json() {
        return contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    boolean form() {
        return contentType.toLowerCase(Locale.ROOT).contains("x-www-form-urlencoded");
    }

    /** Why no text message can be sent with these settings, or null when one can. */
    @Nullable String missing() {
        return url == null ? "no SMS gateway configured: set firebreak.notify.sms.url (FIREBREAK_SMS_URL)" : null;
    }

    /** Never prints the password, the headers' values or a URL that may carry a key. */
    @Override
    public String toString() {
        return "SmsSettings[url=" + (url == null ? "none" : Addresses.redactedUrl(url)) + ", method=" + method
                + ", headers=" + headers.keySet() + ", basic=" + (username != null) + "]";
    }
}
