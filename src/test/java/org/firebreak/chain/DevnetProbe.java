package org.firebreak.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.List;

import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * Reads the shared test devnet straight from anvil, not through Firebreak, so tests assert what is on chain; also
 * puts test code at spare addresses and puts the DelegationManager back to unpaused for the tests that follow.
 */
final class DevnetProbe implements AutoCloseable, BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final HttpService service;
    private final Web3j web3j;

    private DevnetProbe(String url) {
        this.service = new HttpService(url);
        this.web3j = Web3j.build(service);
    }

    static DevnetProbe anvil() {
        return new DevnetProbe(TestDevnet.shared().state().anvilUrl());
    }

    /** A probe of another anvil (a devnet of a test's own): only for reads and {@link #sendUnchecked}, not as an extension. */
    static DevnetProbe at(String anvilUrl) {
        return new DevnetProbe(anvilUrl);
    }

    static String delegationManager() {
        return TestDevnet.profile().contracts().delegationManager().address();
    }

    static String guardian() {
        return TestDevnet.profile().guardian().address();
    }

    /** The guardian's private key as hex, only for tests that prove it appears nowhere. */
    static String guardianKeyHex() throws Exception {
        var guardian = TestDevnet.profile().guardian();
        Credentials credentials = WalletUtils.loadCredentials(Files.readString(guardian.passwordFile()).strip(),
                guardian.keystore().toFile());
        return credentials.getEcKeyPair().getPrivateKey().toString(16);
    }

    static String guardianPassword() throws IOException {
        return Files.readString(TestDevnet.profile().guardian().passwordFile()).strip();
    }

    boolean paused(String contract) throws IOException {
        return paused(contract, DefaultBlockParameterName.LATEST);
    }

    boolean paused(String contract, DefaultBlockParameter block) throws IOException {
        String value = web3j.ethCall(Transaction.createEthCallTransaction(null, contract, StackAbi.encode(StackAbi.PAUSED)),
                block).send().getValue();
        return StackAbi.<Boolean>decodeSingle(value, StackAbi.PAUSED);
    }

    /** Transactions the account has sent, mined or pending: unchanged means nothing was sent. */
    BigInteger nonce(String account) throws IOException {
        return web3j.ethGetTransactionCount(account, DefaultBlockParameterName.PENDING).send().getTransactionCount();
    }

    TransactionReceipt receipt(String hash) throws IOException {
        return web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow();
    }

    /** One of anvil's own methods ({@code evm_snapshot}, {@code anvil_mine}, ...); its result as JSON gives it. */
    Object anvil(String method, Object... params) throws IOException {
        Response<?> answer = new Request<>(method, List.of(params), service, AnvilAnswer.class).send();
        if (answer.hasError()) {
            throw new IllegalStateException(method + ": " + answer.getError().getMessage());
        }
        return answer.getResult();
    }

    long head() throws IOException {
        return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    java.time.Instant blockTime(long number) throws IOException {
        return java.time.Instant.ofEpochSecond(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)),
                false).send().getBlock().getTimestamp().longValueExact());
    }

    /** The logs of the stack's followed contracts in blocks from..to, straight from anvil. */
    List<org.web3j.protocol.core.methods.response.Log> logs(List<String> addresses, long from, long to)
            throws IOException {
        var filter = new org.web3j.protocol.core.methods.request.EthFilter(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(from)), DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
                addresses);
        filter.addOptionalTopics(StackEvents.topics().toArray(String[]::new));
        return web3j.ethGetLogs(filter).send().getLogs().stream()
                .map(r -> (org.web3j.protocol.core.methods.response.Log) r).toList();
    }

    /** anvil's dev account 9: no devnet role, so its nonce is this probe's alone. */
    private static final Credentials SPARE = Credentials.create(
            "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");

    /** Sends {@code data} to {@code to} from a spare dev account with a fixed gas limit: no estimate, so a reverting call is mined. */
    TransactionReceipt sendUnchecked(String to, String data) throws IOException {
        var sent = new org.web3j.tx.RawTransactionManager(web3j, SPARE, 138)
                .sendTransaction(BigInteger.valueOf(5_000_000_000L), BigInteger.valueOf(300_000), to, data, BigInteger.ZERO);
        if (sent.hasError()) {
            throw new IllegalStateException("transaction refused: " + sent.getError().getMessage());
        }
        for (int i = 0; i < 100; i++) {
            var receipt = web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IllegalStateException("no receipt for " + sent.getTransactionHash());
    }

    void setCode(String address, String code) throws IOException {
        Response<?> answer = new Request<>("anvil_setCode", List.of(address, code), service, AnvilAnswer.class).send();
        if (answer.hasError()) {
            throw new IllegalStateException("anvil_setCode: " + answer.getError().getMessage());
        }
    }

    /** Leaves the shared devnet as the other tests expect it: the DelegationManager not paused. */
    void leaveUnpaused() throws IOException {
        if (paused(delegationManager())) {
            TestDevnet.faults().clear();
        }
        if (paused(delegationManager())) {
            throw new IllegalStateException("the DelegationManager is still paused after clearing the devnet's faults");
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    /** Registered as an extension: every test starts and ends with the DelegationManager unpaused. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        leaveUnpaused();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        leaveUnpaused();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Neither the guardian's private key nor its keystore password appears in any of the texts. */
    static void assertNoSecretIn(String... texts) throws Exception {
        String key = guardianKeyHex();
        String password = guardianPassword();
        for (String text : texts) {
            org.assertj.core.api.Assertions.assertThat(text).doesNotContainIgnoringCase(key).doesNotContain(password);
        }
    }

    public static final class AnvilAnswer extends Response<Object> {
    }

    /** Runs the follower, failing on its first error, until it has followed this node's head as it is now. */
    void followToHead(BlockFollower follower) throws IOException {
        long target = head();
        for (int i = 0; i < 100; i++) {
            BlockFollower.Run run = follower.run();
            if (run.error() != null) {
                throw new AssertionError("follower error: " + run.error());
            }
            if (run.followedTo() >= target) {
                return;
            }
        }
        throw new AssertionError("the follower did not reach block " + target);
    }
}
