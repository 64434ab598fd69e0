package org.firebreak.chain;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.EthGasPrice;
import org.web3j.protocol.core.methods.response.EthGetBalance;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthMaxPriorityFeePerGas;
import org.web3j.protocol.core.methods.response.EthSendRawTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The guardian's transactions on the wire: the chain's terms for the next ones (chain id, pending nonce, balance,
 * EIP-1559 fees or a legacy gas price), sending a signed transaction, and waiting for receipts with a bounded poll.
 * Guardian actions take turns in this process, so two never sign with the same nonce.
 */
@Component
class GuardianTransactions {

    /** Used when the node does not answer eth_maxPriorityFeePerGas. */
    static final BigInteger DEFAULT_TIP = BigInteger.valueOf(1_000_000_000L);

    private final ChainClient client;
    private final OwnTransactions own;
    private final Clock clock;
    private final ReentrantLock turn = new ReentrantLock();

    GuardianTransactions(ChainClient client, OwnTransactions own, Clock clock) {
        this.client = client;
        this.own = own;
        this.clock = clock;
    }

    /** Waits up to {@code wait} for this process's other guardian action to finish; false when it did not. */
    boolean takeTurn(Duration wait) throws InterruptedException {
        return turn.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void endTurn() {
        turn.unlock();
    }

    /**
     * What the chain asks of the guardian's next transactions.
     *
     * @param baseFee null on a chain without EIP-1559 (no baseFeePerGas in its blocks): legacy transactions
     */
    record Terms(long chainId, BigInteger nonce, BigInteger balance, @Nullable BigInteger baseFee, BigInteger tip,
            BigInteger gasPrice) {

        /** The batch that reads the terms; {@link #read} takes its answers from the same offset. */
        static List<RpcCall<?>> calls(String guardian) {
            return List.of(RpcCall.chainId(), RpcCall.transactionCount(guardian, "pending"),
                    RpcCall.balance(guardian, "pending"), RpcCall.block("latest"), RpcCall.maxPriorityFeePerGas(),
                    RpcCall.gasPrice());
        }

        static Terms read(ChainClient.Answers answers, int offset) {
            long chainId = ok(answers.get(offset, EthChainId.class)).getChainId().longValueExact();
            BigInteger nonce = ok(answers.get(offset + 1, EthGetTransactionCount.class)).getTransactionCount();
            BigInteger balance = ok(answers.get(offset + 2, EthGetBalance.class)).getBalance();
            EthBlock.Block block = ok(answers.get(offset + 3, EthBlock.class)).getBlock();
            BigInteger baseFee = block.getBaseFeePerGasRaw() == null ? null : block.getBaseFeePerGas();
            BigInteger gasPrice = ok(answers.get(offset + 5, EthGasPrice.class)).getGasPrice();
            EthMaxPriorityFeePerGas tipAnswer = answers.get(offset + 4, EthMaxPriorityFeePerGas.class);
            BigInteger tip = tipAnswer.hasError() || tipAnswer.getResult() == null ? fallbackTip(baseFee, gasPrice)
                    : tipAnswer.getMaxPriorityFeePerGas();
            return new Terms(chainId, nonce, balance, baseFee, tip, gasPrice);
        }

        private static BigInteger fallbackTip(@Nullable BigInteger baseFee, BigInteger gasPrice) {
            return baseFee != null && gasPrice.compareTo(baseFee) > 0 ? gasPrice.subtract(baseFee) : DEFAULT_TIP;
        }

        boolean eip1559() {
            return baseFee != null;
        }

        /** The most a unit of gas may cost: twice the base fee plus the tip rides out six full blocks of rises. */
        BigInteger maxFeePerGas() {
            return baseFee == null ? gasPrice : baseFee.shiftLeft(1).add(tip);
        }

        RawTransaction transaction(BigInteger nonce, BigInteger gasLimit, String to, String data) {
            return eip1559()
                    ? RawTransaction.createTransaction(chainId, nonce, gasLimit, to, BigInteger.ZERO, data, tip,
                            maxFeePerGas())
                    : RawTransaction.createTransaction(nonce, gasPrice, gasLimit, to, BigInteger.ZERO, data);
        }
    }

    /** The estimate plus a quarter: state may move between the estimate and inclusion. */
    static BigInteger gasLimit(BigInteger estimate) {
        return estimate.add(estimate.shiftRight(2));
    }

    /** A sent transaction's hash (computed locally, so known even when the answer is lost) or the node's refusal. */
    record Sent(String hash, @Nullable String refusal) {
    }

    /** Sends a signed transaction, recorded first as Firebreak's own ({@code what} it does, e.g. "pause() on ..."). */
    Sent send(ChainProfile profile, String signed, String what) throws ChainUnreachable {
        String hash = Hash.sha3(signed);
        // Before sending: a node mines it at once, and the follower must know the events it causes as Firebreak's own.
        own.signed(profile.chainId(), hash, what, clock.instant());
        EthSendRawTransaction answer = client.send(profile, List.of(RpcCall.sendRawTransaction(signed)))
                .get(0, EthSendRawTransaction.class);
        if (answer.hasError()) {
            String message = answer.getError().getMessage();
            // Failover may have delivered it twice: the second node already holds the same transaction.
            return String.valueOf(message).contains("already known") ? new Sent(hash, null) : new Sent(hash, message);
        }
        return new Sent(hash, null);
    }

    /**
     * Polls, one batch per round, until every transaction has a receipt or the deadline passes; the map holds the
     * receipts found. Rounds are spaced a quarter block apart and bounded in number as well as in time.
     */
    Map<String, TransactionReceipt> awaitReceipts(ChainProfile profile, List<String> hashes, Duration timeout)
            throws ChainUnreachable, InterruptedException {
        Map<String, TransactionReceipt> receipts = new LinkedHashMap<>();
        Duration interval = pollInterval(profile.blockTime());
        long rounds = timeout.toMillis() / interval.toMillis() + 1;
        Instant deadline = clock.instant().plus(timeout);
        for (long round = 0; round < rounds && receipts.size() < hashes.size(); round++) {
            if (round > 0) {
                if (!clock.instant().isBefore(deadline)) {
                    break;
                }
                Thread.sleep(interval);
            }
            List<String> waiting = hashes.stream().filter(h -> !receipts.containsKey(h)).toList();
            List<RpcCall<?>> calls = new ArrayList<>(waiting.stream().map(RpcCall::transactionReceipt).toList());
            ChainClient.Answers answers = client.send(profile, calls);
            for (int i = 0; i < waiting.size(); i++) {
                EthGetTransactionReceipt answer = answers.get(i, EthGetTransactionReceipt.class);
                if (!answer.hasError() && answer.getResult() != null) {
                    receipts.put(waiting.get(i), answer.getResult());
                }
            }
        }
        return receipts;
    }

    static Duration pollInterval(Duration blockTime) {
        Duration quarter = blockTime.dividedBy(4);
        return quarter.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100)
                : quarter.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : quarter;
    }

    private static <R extends Response<?>> R ok(R response) {
        ChainDiagnostic.failOnError(response);
        return response;
    }
}
