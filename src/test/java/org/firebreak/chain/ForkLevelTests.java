package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.Finding.Problem;
import org.firebreak.chain.Finding.Status;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fork level is read from the chain, not taken from the profile: anvil started at Shanghai (no transient storage),
 * Cancun (no Prague precompiles) and Prague answers the probes as such, and the EntryPoint check says plainly which
 * configured version cannot run there (v0.8 and v0.9 need TLOAD) and what a version cannot do (EIP-7702 accounts
 * need Prague); v0.7 runs on all three.
 */
@Tag("integration")
class ForkLevelTests {

    private static final String V07 = "0x0000000071727De22E5E9d8BAf0edAc6f37da032";
    private static final String V08 = "0x4337084D9E255Ff0702461CF8895CE9E3b5Ff108";
    private static final String V09 = "0x433709009B8330FDa32311DF1C2AFA402eD8D009";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "shanghai, false, false", "cancun, true, false", "prague, true, true" })
    void theEntryPointCheckSaysWhichVersionCannotRunOnTheChainsForkLevel(String hardfork, boolean transientStorage,
            boolean prague) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process anvil = new ProcessBuilder(anvil().toString(), "--chain-id", "138", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--hardfork", hardfork, "--silent").redirectErrorStream(true)
                .redirectOutput(dir.resolve("anvil.log").toFile()).start();
        try {
            awaitAnswering(port);
            Finding finding = entryPointCheck(port);

            assertThat(finding.evidence().get("chain.fork")).isEqualTo(transientStorage
                    ? prague ? "Prague or later" : "Cancun (no Prague precompiles)" : "before Cancun (no transient storage)");
            List<Problem> unsupported = finding.problems().stream()
                    .filter(p -> p.code().equals("entrypoint.fork-unsupported")).toList();
            List<Problem> limited = finding.problems().stream()
                    .filter(p -> p.code().equals("entrypoint.fork-limited")).toList();
            if (!transientStorage) {
                assertThat(unsupported).extracting(Problem::subject, Problem::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EntryPoint v0.8", Status.FAIL),
                        org.assertj.core.groups.Tuple.tuple("EntryPoint v0.9", Status.FAIL));
                assertThat(unsupported.getFirst().message()).contains("cannot run on this chain")
                        .contains("v0.8 needs transient storage (EIP-1153, Cancun)");
            } else {
                assertThat(unsupported).isEmpty();
            }
            if (!prague) {
                assertThat(limited).extracting(Problem::subject).containsExactly("EntryPoint v0.8", "EntryPoint v0.9");
                assertThat(limited).allSatisfy(p -> assertThat(p.status()).isEqualTo(Status.WARN));
                assertThat(limited.getFirst().message()).contains("EIP-7702 accounts").contains("need Prague");
            } else {
                assertThat(limited).isEmpty();
            }
            assertThat(finding.problems()).as("v0.7 runs on every fork").noneMatch(p -> p.subject().equals("EntryPoint v0.7")
                    && p.code().startsWith("entrypoint.fork"));
        } finally {
            anvil.destroy();
            anvil.waitFor();
        }
    }

    private Finding entryPointCheck(int port) throws IOException {
        Path profile = dir.resolve("chain-profile.yml");
        Files.writeString(profile, """
                chainId: 138
                rpc: [ { name: only, url: "http://127.0.0.1:%d/", requestsPerMinute: 1200 } ]
                contracts:
                  entryPoints:
                    - { address: "%s", version: v0.7 }
                    - { address: "%s", version: v0.8 }
                    - { address: "%s", version: v0.9 }
                  accountFactory: { name: Factory, address: "0x0000000000000000000000000000000000000f00" }
                  delegationManager: { name: DelegationManager, address: "0xdb9B1e94B5b69Df7e401DDbedE43491141047dB3" }
                """.formatted(port, V07, V08, V09));
        Clock clock = Clock.systemUTC();
        ChainSettings settings = new ChainSettings(profile, null, null);
        ChainClient client = new ChainClient(new EndpointStats(), new RateLimits(), new EndpointHealth(settings, clock),
                clock);
        return new EntryPointDiagnostic(new ChainProfiles(settings), client).run(Map.of());
    }

    /** The devnet's anvil (npm {@code @foundry-rs/anvil}), from the project's devnet folder. */
    private static Path anvil() {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path binary = dir.resolve("devnet/node_modules/@foundry-rs/anvil-linux-" + arch + "/bin/anvil");
            if (Files.isExecutable(binary)) {
                return binary;
            }
        }
        throw new IllegalStateException("anvil is not installed: run npm ci in devnet/");
    }

    private static void awaitAnswering(int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}"))
                .timeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 200; i++) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("0x8a")) {
                    return;
                }
            } catch (IOException notYet) {
                // anvil is still starting
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("anvil --hardfork did not start");
    }
}
