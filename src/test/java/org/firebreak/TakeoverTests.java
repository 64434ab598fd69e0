package org.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.ChainProfile.RpcEndpoint;
import org.firebreak.devnet.Fault;
import org.firebreak.devnet.FaultReport;
import org.firebreak.support.ChainProfileFiles;
import org.firebreak.support.FirebreakProcess;
import org.firebreak.support.HttpApi;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import tools.jackson.databind.JsonNode;

/**
 * Two replicas ({@code firebreak up} processes) on one PostgreSQL and the test devnet: {@code kill -9} of the replica
 * in the middle of both a rule evaluation and a follower round leaves detection to the survivor within 10 s plus one
 * block (the pause of the DelegationManager, injected right after the kill, opens its incident there), and the
 * survivor's follower status reports the stall meanwhile, naming the dead replica, until the follower runs again.
 * PostgreSQL only: an H2 file cannot be shared by two processes.
 *
 * <p>Replica A reads the chain through a proxy that answers {@value #DELAY_MS} ms late, so its rounds last long enough
 * to be caught holding both tasks; B reads the devnet directly. Both run the shipped scheduler settings.
 */
@Tag("integration")
class TakeoverTests {

    private static final long DELAY_MS = 300;
    private static final String RULES = "detection-rules";
    private static final String FOLLOWER = "chain-follower";

    @Test
    void killingTheReplicaThatEvaluatesTheRulesLeavesDetectionToTheSurvivorWithinTenSecondsAndABlock() throws Exception {
        String url = System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "");
        Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"),
                "two replicas share one store: the PostgreSQL run only (an H2 file cannot be shared)");
        ChainProfile profile = TestDevnet.profile();
        Duration limit = Duration.ofSeconds(10).plus(profile.blockTime());
        Path dir = Path.of("target/test-data/takeover-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dir.resolve("a/config"));
        Files.createDirectories(dir.resolve("b/config"));
        String schema = "takeover" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> env = new HashMap<>(Map.of("FIREBREAK_DEVNET", "true",
                "FIREBREAK_DETECTION_STORMGUARD_ENABLED", "false",
                "SPRING_DATASOURCE_HIKARI_SCHEMA", schema, "SPRING_FLYWAY_SCHEMAS", schema,
                "SPRING_FLYWAY_DEFAULT_SCHEMA", schema, "SPRING_FLYWAY_CREATE_SCHEMAS", "true"));

        try (SlowRpc slow = SlowRpc.inFrontOf(profile.rpc())) {
            Path slowProfile = ChainProfileFiles.write(dir.resolve("a/chain-profile.yml"), new ChainProfile(
                    profile.chainId(), profile.blockTime(), slow.endpoints(), profile.contracts(), profile.guardian(),
                    profile.thresholds(), profile.delegations(), profile.follow(), profile.accounts(),
                    profile.expectedOwners()));
            env.put("FIREBREAK_CHAIN_PROFILE", slowProfile.toString());
            try (FirebreakProcess a = FirebreakProcess.start(dir.resolve("a"), dir.resolve("a.log"), env)) {
                HttpApi apiA = new HttpApi(a.port());
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> !apiA.get("/api/v1/chain/follower").json().get("position").isNull());
                env.put("FIREBREAK_CHAIN_PROFILE", TestDevnet.profilePath().toString());
                try (FirebreakProcess b = FirebreakProcess.start(dir.resolve("b"), dir.resolve("b.log"), env);
                        Connection db = DriverManager.getConnection(url,
                                System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"))) {
                    db.setSchema(schema);
                    HttpApi apiB = new HttpApi(b.port());
                    String replicaA = new SchedulerName.Hostname().getName() + "-" + a.pid();

                    // A in the middle of a rule evaluation and a follower round: kill -9 it there.
                    long waitFrom = System.nanoTime();
                    while (!held(db, replicaA).containsAll(Set.of(RULES, FOLLOWER))) {
                        assertThat(Duration.ofNanos(System.nanoTime() - waitFrom)).as("A never held both tasks at once")
                                .isLessThan(Duration.ofSeconds(120));
                        Thread.sleep(2);
                    }
                    long killed = System.nanoTime();
                    a.killHard();
                    assertThat(held(db, replicaA)).as("the dead replica still holds the rules and the follower")
                            .containsAll(Set.of(RULES, FOLLOWER));
                    FaultReport pause = TestDevnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER);

                    Duration detected = null;
                    Duration followerBack = null;
                    JsonNode firstStall = null;
                    Duration stallSeen = null;
                    List<String> statuses = new ArrayList<>();
                    while (detected == null || followerBack == null) {
                        Duration since = Duration.ofNanos(System.nanoTime() - killed);
                        assertThat(since).as("survivor's statuses: " + statuses).isLessThan(limit.plusSeconds(10));
                        JsonNode status = apiB.get("/api/v1/chain/follower").json();
                        boolean stalled = status.get("stalled").asBoolean();
                        statuses.add(since.toMillis() + " ms: stalled=" + stalled + " since="
                                + status.get("sinceLastProgressSeconds") + " runningOn=" + status.get("runningOn")
                                + " heartbeat=" + status.get("runningHeartbeatAgeSeconds") + " lag=" + status.get("lag"));
                        if (stalled && firstStall == null) {
                            firstStall = status;
                            stallSeen = since;
                        }
                        if (firstStall != null && !stalled && followerBack == null) {
                            followerBack = since;
                        }
                        if (detected == null) {
                            HttpApi.Response alert = apiB.get("/api/v1/integrations/rules/alerts/delegation-manager-paused");
                            if (alert.status() == 200 && "FIRING".equals(alert.json().get("status").asString())
                                    && !alert.json().get("incident").isNull()) {
                                detected = since;
                            }
                        }
                        Thread.sleep(100);
                    }
                    System.out.printf("Takeover: survivor opened the pause's incident %d ms after the kill (limit %d ms); "
                                    + "follower stalled from %d ms, following again at %d ms%n  %s%n",
                            detected.toMillis(), limit.toMillis(), stallSeen.toMillis(), followerBack.toMillis(),
                            String.join("\n  ", statuses));

                    assertThat(detected).as("pause detected on the survivor").isLessThanOrEqualTo(limit);
                    assertThat(firstStall.get("runningOn").asString()).as("the stalled round is the dead replica's")
                            .isEqualTo(replicaA);
                    assertThat(followerBack).as("the follower runs on the survivor again")
                            .isLessThanOrEqualTo(Duration.ofSeconds(10));
                    assertThat(held(db, replicaA)).as("nothing is left with the dead replica").isEmpty();
                    JsonNode after = apiB.get("/api/v1/chain/follower").json();
                    assertThat(after.get("stalled").asBoolean()).isFalse();
                    assertThat(after.get("lastError").isNull()).isTrue();
                    long pauseBlock = pauseBlock(pause);
                    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> apiB
                            .get("/api/v1/chain/follower").json().get("position").get("block").asLong() >= pauseBlock);
                }
            }
        } finally {
            TestDevnet.faults().clear();
        }
    }

    private static long pauseBlock(FaultReport pause) throws IOException {
        Web3j web3j = Web3j.build(new HttpService(TestDevnet.shared().state().anvilUrl()));
        try {
            return web3j.ethGetTransactionReceipt(pause.txHash()).send().getTransactionReceipt().orElseThrow()
                    .getBlockNumber().longValueExact();
        } finally {
            web3j.shutdown();
        }
    }

    /** The tasks a replica has picked and not finished (their executions stay picked while it is dead). */
    private static Set<String> held(Connection db, String replica) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "select task_name from scheduled_tasks where picked and picked_by = ?")) {
            q.setString(1, replica);
            Set<String> tasks = new HashSet<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tasks.add(rs.getString(1));
                }
            }
            return tasks;
        }
    }

    /** JSON-RPC endpoints on 127.0.0.1 that pass every request on to the devnet's, {@value #DELAY_MS} ms late. */
    private static final class SlowRpc implements AutoCloseable {

        private final List<HttpServer> servers = new ArrayList<>();
        private final List<RpcEndpoint> endpoints = new ArrayList<>();
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        static SlowRpc inFrontOf(List<RpcEndpoint> targets) throws IOException {
            SlowRpc slow = new SlowRpc();
            for (RpcEndpoint target : targets) {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
                server.createContext("/", exchange -> slow.pass(exchange, target.url()));
                server.setExecutor(slow.threads);
                server.start();
                slow.servers.add(server);
                slow.endpoints.add(new RpcEndpoint(target.name(),
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), target.requestsPerMinute()));
            }
            return slow;
        }

        List<RpcEndpoint> endpoints() {
            return endpoints;
        }

        private void pass(HttpExchange exchange, URI target) throws IOException {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Thread.sleep(DELAY_MS);
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        }

        @Override
        public void close() {
            servers.forEach(s -> s.stop(0));
            threads.shutdownNow();
        }
    }
}
