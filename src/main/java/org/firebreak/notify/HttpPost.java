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
import org.springframework.stereotype.Component;

/**
 * Posts JSON for the webhook and Slack channels and sorts the answer: 2xx delivered; 408, 425, 429, 5xx or no
 * connection worth a retry; no answer after the request went out (a timeout, a connection lost) unknown; any
 * other status failed for good. Redirects are not followed: a webhook
 * that moved is a configuration to fix, not something to chase with a signed body.
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
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url.strip())).timeout(timeout)
                    .header("Content-Type", "application/json").header("User-Agent", "Firebreak")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            return new Sent.Failed("not a usable URL");
        }
        headers.forEach(request::header);
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
            return new Sent.Retryable("cannot connect (" + Sent.describe(e) + ")");
        } catch (IOException e) {
            return new Sent.Unknown(Sent.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent.Unknown("interrupted while sending");
        }
    }
}
