package org.firebreak.chain;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.firebreak.chain.ChainDiagnostic.CallReverted;
import org.firebreak.chain.ChainProfile.Guardian;
import org.firebreak.chain.GuardianTransactions.Sent;
import org.firebreak.chain.GuardianTransactions.Terms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The chain work of one pause or unpause run, one batch per phase: read each contract's state and owner; preflight
 * from the guardian with the chain's terms; sign and send (the key is open only for these two phases); await the
 * receipts; verify the state at each receipt's block. A contract is settled at the first phase that decides it.
 */
@Component
class ContractSwitch {

    /** Which way the switch goes. */
    enum Direction {
        PAUSE(true, StackAbi.pause(), "Paused", "was already paused"),
        UNPAUSE(false, StackAbi.unpause(), "Unpaused", "was not paused");

        final boolean wantPaused;
        final Function function;
        final String done;
        final String already;

        Direction(boolean wantPaused, Function function, String done, String already) {
            this.wantPaused = wantPaused;
            this.function = function;
            this.done = done;
            this.already = already;
        }

        String call() {
            return function.getName() + "()";
        }
    }

    /** Lines are joined with "; " in the summary, so none contains one. */
    private static final String NOT_SENT = ", no transaction sent";

    private final ChainClient client;
    private final GuardianSigner signer;
    private final GuardianTransactions transactions;

    ContractSwitch(ChainClient client, GuardianSigner signer, GuardianTransactions transactions) {
        this.client = client;
        this.signer = signer;
        this.transactions = transactions;
    }

    void run(ChainProfile profile, List<PauseTarget> targets, Direction way, Duration receiptTimeout)
            throws ChainUnreachable, InterruptedException {
        read(profile, targets, way);
        refuseOtherOwners(profile.guardian(), PauseTarget.unsettled(targets), way);
        if (PauseTarget.unsettled(targets).isEmpty()) {
            return;
        }
        try (GuardianSigner.Session session = signer.open(profile.guardian())) {
            Terms terms = preflight(profile, session.address(), PauseTarget.unsettled(targets), way);
            if (terms != null) {
                sendAll(profile, session, terms, PauseTarget.unsettled(targets), way);
            }
        } catch (GuardianUnavailable e) {
            PauseTarget.unsettled(targets).forEach(t -> t.settle(false,
                    "cannot " + way.function.getName() + " " + t.label() + ": " + e.getMessage() + NOT_SENT));
            return;
        }
        List<PauseTarget> sent = PauseTarget.unsettled(targets).stream().filter(t -> t.txHash() != null).toList();
        if (!sent.isEmpty()) {
            List<String> hashes = sent.stream().map(t -> String.valueOf(t.txHash())).toList();
            verify(profile, sent, transactions.awaitReceipts(profile, hashes, receiptTimeout), way, receiptTimeout);
        }
    }

    private void read(ChainProfile profile, List<PauseTarget> targets, Direction way) throws ChainUnreachable {
        List<RpcCall<?>> calls = new ArrayList<>(List.of(RpcCall.blockNumber()));
        for (PauseTarget t : targets) {
            String address = t.contract.address();
            calls.addAll(List.of(RpcCall.code(address, "latest"),
                    RpcCall.call(address, StackAbi.encode(StackAbi.PAUSED), "latest"),
                    RpcCall.call(address, StackAbi.encode(StackAbi.OWNER), "latest")));
        }
        ChainClient.Answers answers = client.send(profile, calls);
        long block = ChainDiagnostic.blockNumber(answers, 0);
        for (int i = 0; i < targets.size(); i++) {
            PauseTarget t = targets.get(i);
            int at = 1 + 3 * i;
            t.put("readAtBlock", block);
            if (!ChainDiagnostic.hasCode(ChainDiagnostic.codeOf(answers, at))) {
                t.settle(false, t.label() + " is not pausable: no code at the address");
                continue;
            }
            Boolean paused = pausedOrSettle(t, answers, at + 1);
            if (paused == null) {
                continue;
            }
            t.put("pausedBefore", paused);
            if (paused == way.wantPaused) {
                t.put("pausedAfter", paused);
                t.settle(true, t.label() + " " + way.already + ": no transaction sent");
                continue;
            }
            try {
                t.owner(StackAbi.decodeSingle(ChainDiagnostic.callResult(answers, at + 2), StackAbi.OWNER));
            } catch (CallReverted | RuntimeException e) {
                t.owner(null); // not Ownable: the preflight tells whether the guardian may switch it
            }
        }
    }

    private static @Nullable Boolean pausedOrSettle(PauseTarget t, ChainClient.Answers answers, int index) {
        try {
            return StackAbi.decodeSingle(ChainDiagnostic.callResult(answers, index), StackAbi.PAUSED);
        } catch (CallReverted e) {
            // An empty revert is what a contract without the function (and without a fallback) answers.
            t.settle(false, t.label() + " is not pausable: " + (StackAbi.revertData(e.data).isEmpty()
                    ? "it has no paused()" : "paused() reverted (" + StackAbi.revertReason(e.getMessage(), e.data) + ")"));
        } catch (RuntimeException e) {
            t.settle(false, t.label() + " is not pausable: it has no paused()");
        }
        return null;
    }

    private static void refuseOtherOwners(@Nullable Guardian guardian, List<PauseTarget> open, Direction way) {
        for (PauseTarget t : open) {
            if (guardian != null && t.owner() != null && !guardian.address().equalsIgnoreCase(t.owner())) {
                t.settle(false, "cannot " + way.function.getName() + " " + t.label() + ": the guardian is not its owner"
                        + " (owner " + t.owner() + ", guardian " + guardian.address() + ")" + NOT_SENT);
            }
        }
    }

    /** The chain's terms, or null when no transaction may be signed (every open target is then settled). */
    private @Nullable Terms preflight(ChainProfile profile, String guardian, List<PauseTarget> open, Direction way)
            throws ChainUnreachable {
        String data = StackAbi.encode(way.function);
        List<RpcCall<?>> calls = new ArrayList<>(Terms.calls(guardian));
        int offset = calls.size();
        open.forEach(t -> calls.addAll(List.of(RpcCall.call(guardian, t.contract.address(), data, "latest"),
                RpcCall.estimateGas(guardian, t.contract.address(), data))));
        ChainClient.Answers answers = client.send(profile, calls);
        Terms terms;
        try {
            terms = Terms.read(answers, 0);
        } catch (RuntimeException e) {
            open.forEach(t -> t.settle(false, "cannot " + way.function.getName() + " " + t.label()
                    + ": reading the guardian's nonce, balance and fees failed (" + e.getMessage() + ")" + NOT_SENT));
            return null;
        }
        if (terms.chainId() != profile.chainId()) {
            open.forEach(t -> t.settle(false, "cannot " + way.function.getName() + " " + t.label() + ": the RPC endpoint "
                    + "serves chain " + terms.chainId() + ", the profile is for chain " + profile.chainId() + NOT_SENT));
            return null;
        }
        for (int i = 0; i < open.size(); i++) {
            checkPreflight(open.get(i), answers, offset + 2 * i, way);
        }
        return terms;
    }

    private static void checkPreflight(PauseTarget t, ChainClient.Answers answers, int at, Direction way) {
        try {
            ChainDiagnostic.callResult(answers, at);
        } catch (CallReverted e) {
            String reason = StackAbi.revertReason(e.getMessage(), e.data);
            t.put("preflight", "reverted: " + reason);
            t.settle(false, "preflight of " + way.call() + " on " + t.label() + " from the guardian reverted: " + reason
                    + NOT_SENT);
            return;
        }
        t.put("preflight", "ok");
        EthEstimateGas estimate = answers.get(at + 1, EthEstimateGas.class);
        if (estimate.hasError()) {
            t.settle(false, "estimating gas for " + way.call() + " on " + t.label() + " failed: "
                    + estimate.getError().getMessage() + NOT_SENT);
            return;
        }
        t.gasLimit(GuardianTransactions.gasLimit(estimate.getAmountUsed()));
    }

    private void sendAll(ChainProfile profile, GuardianSigner.Session session, Terms terms, List<PauseTarget> open,
            Direction way) throws ChainUnreachable {
        BigInteger nonce = terms.nonce();
        BigInteger spendable = terms.balance();
        String data = StackAbi.encode(way.function);
        for (PauseTarget t : open) {
            BigInteger gasLimit = Objects.requireNonNull(t.gasLimit());
            BigInteger cost = gasLimit.multiply(terms.maxFeePerGas());
            if (cost.compareTo(spendable) > 0) {
                t.settle(false, "cannot " + way.function.getName() + " " + t.label() + ": the guardian " + session.address()
                        + " has " + ChainDiagnostic.eth(spendable) + " left, the transaction may cost up to "
                        + ChainDiagnostic.eth(cost) + NOT_SENT);
                continue;
            }
            String signed = session.sign(terms.transaction(nonce, gasLimit, t.contract.address(), data), terms.chainId());
            t.put("nonce", nonce);
            t.put("type", terms.eip1559() ? "EIP-1559" : "legacy");
            Sent sent;
            try {
                sent = transactions.send(profile, signed, way.call() + " on " + t.label());
            } catch (ChainUnreachable e) {
                t.txHash(Hash.sha3(signed)); // it may have reached a node before the answer was lost
                throw e;
            }
            if (sent.refusal() != null) {
                t.settle(false, "the node refused " + way.call() + " on " + t.label() + ": " + sent.refusal() + NOT_SENT);
                continue;
            }
            t.txHash(sent.hash());
            nonce = nonce.add(BigInteger.ONE);
            spendable = spendable.subtract(cost);
        }
    }

    private void verify(ChainProfile profile, List<PauseTarget> sent, Map<String, TransactionReceipt> receipts,
            Direction way, Duration receiptTimeout) throws ChainUnreachable {
        List<PauseTarget> mined = new ArrayList<>();
        List<RpcCall<?>> calls = new ArrayList<>();
        for (PauseTarget t : sent) {
            String what = "tx " + t.txHash() + " (" + way.call() + " on " + t.label() + ")";
            TransactionReceipt receipt = receipts.get(t.txHash());
            if (receipt == null) {
                t.settle(false, what + " has no receipt after " + receiptTimeout.toSeconds() + " s: check it on chain "
                        + "before running again");
                continue;
            }
            t.put("block", receipt.getBlockNumber());
            t.put("gasUsed", receipt.getGasUsed());
            if (!receipt.isStatusOK()) {
                t.settle(false, what + " reverted on chain in block " + receipt.getBlockNumber());
                continue;
            }
            mined.add(t);
            calls.add(RpcCall.call(t.contract.address(), StackAbi.encode(StackAbi.PAUSED),
                    Numeric.toHexStringWithPrefix(receipt.getBlockNumber())));
        }
        if (mined.isEmpty()) {
            return;
        }
        ChainClient.Answers answers = client.send(profile, calls);
        for (int i = 0; i < mined.size(); i++) {
            settleMined(mined.get(i), answers, i, way);
        }
    }

    private static void settleMined(PauseTarget t, ChainClient.Answers answers, int index, Direction way) {
        String block = t.evidence().get(t.contract.name() + ".block");
        try {
            boolean paused = StackAbi.decodeSingle(ChainDiagnostic.callResult(answers, index), StackAbi.PAUSED);
            t.put("pausedAfter", paused);
            t.settle(paused == way.wantPaused, paused == way.wantPaused
                    ? way.done + " " + t.label() + " in tx " + t.txHash() + " (block " + block + ")"
                    : "tx " + t.txHash() + " (" + way.call() + " on " + t.label() + ") was mined in block " + block
                            + " but paused() is " + paused + " there");
        } catch (CallReverted | RuntimeException e) {
            t.settle(false, "tx " + t.txHash() + " (" + way.call() + " on " + t.label() + ") was mined in block " + block
                    + " but reading paused() there failed: " + e.getMessage());
        }
    }
}
