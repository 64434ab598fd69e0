package org.firebreak.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import org.firebreak.shared.TimeText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends the HTTP channels' requests (webhook, Slack, ntfy, Telegram, Matrix, an SMS gateway) and sorts the answer:
 * 2xx delivered; 408, 425, 429, 5xx or no connection worth a retry; no answer after the request went out (a timeout,
 * a connection lost) unknown; any other status failed for good. Redirects are not followed: a webhook that moved is
 * a configuration to fix, not something to chase with a signed body.
 */
@Component
class HttpPost {

    private final HttpClient http;
    private final Duration timeout;

    HttpPost(NotifySettings settings) {
        this.timeout = settings.requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Sent post(String url, byte[] body, Map<String, String> headers) {
        return send("POST", url, body, "application/json", headers);
    }

    /**
     * One request of any method ({@code PUT} for Matrix, whatever an SMS gateway wants), sorted as a post is. The
     * detail never holds the URL: Telegram's carries the bot token.
     *
     * @param body null for none (a {@code GET})
     */
    Sent send(String method, String url, byte @Nullable [] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url.strip())).timeout(timeout).header("User-Agent", "Firebreak")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
        } catch (IllegalArgumentException e) {
            return new Sent.Failed("not a usable URL or header");
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            String detail = "HTTP " + status;
            if (status >= 200 && status < 300) {
                return new Sent.Delivered(detail);
            }
            boolean transient_ = status == 408 || status == 425 || status == 429 || status >= 500;
            return transient_ ? new Sent.Retryable(detail) : new Sent.Failed(detail);
        } catch (HttpConnectTimeoutException e) {
            return new Sent.Retryable("cannot connect within " + TimeText.duration(timeout));
        } catch (HttpTimeoutException e) {
            return new Sent.Unknown("no answer within " + TimeText.duration(timeout));
        } catch (ConnectException e) {
            return new Sent.Retryable("cannot connect (" + describe(e, url) + ")");
        } catch (IOException e) {
            return new Sent.Unknown(describe(e, url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent.Unknown("interrupted while sending");
        }
    }

    /** An exception for the timeline, the URL left out should its message name it (Telegram's holds the bot token). */
    static String describe(Throwable e, String url) {
        String text = Sent.describe(e);
        String path = URI.create(url.strip()).getRawPath();
        text = text.replace(url.strip(), "(the URL)");
        return path == null || path.length() < 2 ? text : text.replace(path, "/(path)");
    }
}
