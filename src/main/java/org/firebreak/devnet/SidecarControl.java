package org.firebreak.devnet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Switches a running {@link Sidecar}'s proxy mode and block clock over its loopback control endpoints. */
record SidecarControl(int proxyPort) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    String rpcMode(String mode) {
        return post("/devnet/rpc-mode", mode);
    }

    String blocks(String runOrStop) {
        return post("/devnet/blocks", runOrStop);
    }

    /** {@code pass}, or the chain id the proxy should report. */
    String chainId(String passOrId) {
        return post("/devnet/chain-id", passOrId);
    }

    /** The widest eth_getLogs block range the proxy lets through; 0 lets any through. */
    String logRangeLimit(int blocks) {
        return post("/devnet/log-range-limit", Integer.toString(blocks));
    }

    String status() {
        return send(HttpRequest.newBuilder(uri("/devnet/status")).GET());
    }

    boolean reachable() {
        try {
            status();
            return true;
        } catch (DevnetFailure e) {
            return false;
        }
    }

    private String post(String path, String value) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(value)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + proxyPort + path);
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new DevnetFailure("devnet sidecar on port " + proxyPort + " refused: " + response.body().strip());
            }
            return response.body().strip();
        } catch (IOException e) {
            throw new DevnetFailure("devnet sidecar on port " + proxyPort + " is not answering: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevnetFailure("interrupted", e);
        }
    }
}
