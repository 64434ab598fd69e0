package org.firebreak.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.AuthorizationTuple;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.utils.Numeric;

/**
 * The devnet's own view of its anvil, over web3j: signed transactions from local keys (EIP-1559, gas estimated,
 * receipt awaited and checked), calls, code reads and anvil's test methods ({@code anvil_setCode},
 * {@code evm_mine}, ...). Used to deploy and to inject faults; never by Firebreak's diagnostics.
 */
final class DevnetChain implements AutoCloseable {

    static final long CHAIN_ID = 138;
    private static final BigInteger TIP = BigInteger.valueOf(1_000_000_000L);
    private static final Duration RECEIPT_WAIT = Duration.ofSeconds(10);
    /** A type-4 transaction with one authorization and a short call: 21,000 + 25,000 per authorization + the call. */
    private static final BigInteger AUTHORIZATION_GAS = BigInteger.valueOf(150_000);

    private final String url;
    private final HttpService service;
    private final Web3j web3j;

    DevnetChain(String url) {
        this.url = url;
        this.service = new HttpService(url);
        this.web3j = Web3j.build(service);
    }

    String url() {
        return url;
    }

    /** JSON-RPC response of anvil's own methods: results are strings, booleans or null. */
    public static final class AnvilResponse extends Response<Object> {
    }

    @Nullable Object anvil(String method, Object... params) {
        AnvilResponse response = io(() -> new Request<>(method, Arrays.asList(params), service, AnvilResponse.class).send());
        if (response.hasError()) {
            throw new DevnetFailure(method + " failed: " + response.getError().getMessage());
        }
        return response.getResult();
    }

    /** Refuses what needs new blocks (transactions, a time jump) while blocks are stopped, so the halt holds. */
    void requireBlocks(String what) {
        if (!Boolean.TRUE.equals(anvil("anvil_getAutomine"))) {
            throw new DevnetFailure(what + " needs new blocks, but blocks are stopped (stop-blocks): do it before "
                    + "stop-blocks, or run 'firebreak devnet fault clear' first");
        }
    }

    long chainId() {
        return io(() -> web3j.ethChainId().send()).getChainId().longValueExact();
    }

    BigInteger blockNumber() {
        return io(() -> web3j.ethBlockNumber().send()).getBlockNumber();
    }

    EthBlock.Block latestBlock() {
        return io(() -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()).getBlock();
    }

    String code(String address) {
        return io(() -> web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send()).getCode();
    }

    /** Keccak-256 of the runtime code at {@code address}, as {@code eth_getCode} returns it. */
    String codeHash(String address) {
        return Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(code(address))));
    }

    BigInteger balance(String address) {
        return io(() -> web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send()).getBalance();
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    List<Type> call(String to, Function function) {
        String data = FunctionEncoder.encode(function);
        var result = io(() -> web3j.ethCall(Transaction.createEthCallTransaction(null, to, data),
                DefaultBlockParameterName.LATEST).send());
        if (result.hasError() || result.isReverted()) {
            throw new DevnetFailure(function.getName() + " on " + to + " reverted: " + result.getRevertReason());
        }
        return FunctionReturnDecoder.decode(result.getValue(), (List) function.getOutputParameters());
    }

    Object callValue(String to, Function function) {
        return call(to, function).getFirst().getValue();
    }

    TransactionReceipt send(Credentials from, String to, Function function) {
        return send(from, to, FunctionEncoder.encode(function), BigInteger.ZERO);
    }

    /** Deploys {@code creationCode} and returns the new contract's address. */
    String deploy(Credentials from, String creationCode) {
        return Optional.ofNullable(send(from, null, creationCode, BigInteger.ZERO).getContractAddress())
                .orElseThrow(() -> new DevnetFailure("deployment from " + from.getAddress() + " created no contract"));
    }

    /** Signs locally, sends, waits for the receipt and fails when the transaction reverted. */
    TransactionReceipt send(Credentials from, @Nullable String to, String data, BigInteger value) {
        Transaction estimate = new Transaction(from.getAddress(), null, null, null, to, value, data);
        var gas = io(() -> web3j.ethEstimateGas(estimate).send());
        if (gas.hasError()) {
            throw new DevnetFailure("transaction from " + from.getAddress() + " to " + (to == null ? "(new contract)" : to)
                    + " would revert: " + gas.getError().getMessage());
        }
        BigInteger gasLimit = gas.getAmountUsed().multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN);
        BigInteger maxFee = latestBlock().getBaseFeePerGas().multiply(BigInteger.TWO).add(TIP);
        var manager = new RawTransactionManager(web3j, from, CHAIN_ID);
        EthSendTransaction sent = io(() -> manager.sendEIP1559Transaction(CHAIN_ID, TIP, maxFee, gasLimit,
                to == null ? "" : to, data, value, to == null));
        return mined(from, sent);
    }

    /**
     * Sends an EIP-7702 (type-4) transaction from {@code sponsor} to {@code to} carrying {@code authority}'s signed
     * authorization to run {@code delegate}'s code (address 0 clears it), and waits for it to be mined. The
     * authorization is applied before the call, so a call to the account already runs the new code.
     */
    TransactionReceipt authorize(Credentials sponsor, Credentials authority, String delegate, String to) {
        BigInteger authorityNonce = nonce(authority.getAddress());
        // A self-sponsored transaction bumps the authority's nonce before its authorizations are checked.
        boolean self = sponsor.getAddress().equalsIgnoreCase(authority.getAddress());
        AuthorizationTuple authorization = AuthorizationTuple.from(CHAIN_ID, delegate,
                self ? authorityNonce.add(BigInteger.ONE) : authorityNonce, authority);
        BigInteger maxFee = latestBlock().getBaseFeePerGas().multiply(BigInteger.TWO).add(TIP);
        RawTransaction transaction = RawTransaction.createTransaction(CHAIN_ID, nonce(sponsor.getAddress()), TIP, maxFee,
                AUTHORIZATION_GAS, to, BigInteger.ZERO, "0x", List.of(), List.of(authorization));
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(transaction, sponsor));
        return mined(sponsor, io(() -> web3j.ethSendRawTransaction(signed).send()));
    }

    BigInteger nonce(String address) {
        return io(() -> web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING).send()).getTransactionCount();
    }

    private TransactionReceipt mined(Credentials from, EthSendTransaction sent) {
        if (sent.hasError()) {
            throw new DevnetFailure("transaction from " + from.getAddress() + " rejected: " + sent.getError().getMessage());
        }
        TransactionReceipt receipt = receipt(sent.getTransactionHash());
        if (!receipt.isStatusOK()) {
            throw new DevnetFailure("transaction " + receipt.getTransactionHash() + " reverted");
        }
        return receipt;
    }

    private TransactionReceipt receipt(String txHash) {
        long deadline = System.nanoTime() + RECEIPT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var receipt = io(() -> web3j.ethGetTransactionReceipt(txHash).send()).getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt.get();
            }
            pause(Duration.ofMillis(50));
        }
        // Dropped, so it cannot be mined later, behind the back of whoever clears the faults.
        anvil("anvil_dropTransaction", txHash);
        throw new DevnetFailure("no receipt for " + txHash + " within " + RECEIPT_WAIT.toSeconds()
                + " s (dropped it): are blocks stopped? (firebreak devnet fault clear)");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevnetFailure("interrupted", e);
        }
    }

    interface RpcCall<T> {
        T send() throws IOException;
    }

    private <T> T io(RpcCall<T> call) {
        try {
            return call.send();
        } catch (IOException | ClientConnectionException e) {
            throw new DevnetFailure("devnet RPC at " + url + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
