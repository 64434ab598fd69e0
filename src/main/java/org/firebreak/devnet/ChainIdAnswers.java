package org.firebreak.devnet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wrong-chain-id fault's rewrite of anvil's JSON-RPC answers: {@code eth_chainId} (hex) and {@code net_version}
 * (decimal) report another chain, in single requests and in batches alike; every other answer passes unchanged.
 * Public for the chain module's tests, whose own proxies answer a wrong chain id the same way.
 */
public final class ChainIdAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChainIdAnswers() {
    }

    public static byte[] rewrite(byte[] request, byte[] response, long chainId) {
        try {
            Map<JsonNode, String> answers = new HashMap<>();
            for (JsonNode call : calls(JSON.readTree(request))) {
                switch (call.path("method").asString("")) {
                    case "eth_chainId" -> answers.put(call.path("id"), "0x" + Long.toHexString(chainId));
                    case "net_version" -> answers.put(call.path("id"), Long.toString(chainId));
                    default -> { }
                }
            }
            if (answers.isEmpty()) {
                return response;
            }
            JsonNode answer = JSON.readTree(response);
            for (JsonNode reply : calls(answer)) {
                String rewritten = answers.get(reply.path("id"));
                if (rewritten != null && reply.has("result") && reply instanceof ObjectNode object) {
                    object.put("result", rewritten);
                }
            }
            return JSON.writeValueAsBytes(answer);
        } catch (JacksonException e) {
            return response;   // not JSON-RPC: nothing to rewrite
        }
    }

    /** The request or reply objects of a single call or a batch. */
    private static Iterable<JsonNode> calls(JsonNode message) {
        return message.isArray() ? message : List.of(message);
    }
}
