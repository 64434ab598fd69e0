package org.firebreak.chain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.springframework.stereotype.Component;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The staging detector, run by the block follower on each batch: a contract created by a transaction of the batch
 * (its receipt's {@code contractAddress}) whose runtime code embeds the 20 bytes of one of the stack's addresses
 * (EntryPoint, account factory, paymaster, DelegationManager) becomes a {@value #STAGED_CONTRACT} event. Exploit
 * contracts are deployed with their targets' addresses baked in, often minutes before they strike. Only transactions
 * that create a contract cost calls: their receipts when the follower did not read them with the blocks
 * ({@link FollowerBlocks#receipts}), and one {@code eth_getCode} per contract created, at its block,
 * {@value BlockFollower#CALLS_PER_BATCH} to a batch.
 * Contracts created by other contracts (a factory's CREATE2) have no receipt of their own and are not seen.
 */
@Component
class StagedContracts {

    static final String STAGED_CONTRACT = "StagedContract";
    static final String ROLE = "stagedContract";

    /** After the block's logs and failed redemptions, before the EIP-7702 watch's rows: (block hash, log index) stays unique. */
    private static final int STAGED_INDEX = -(1 << 20);

    private final ChainClient client;

    StagedContracts(ChainClient client) {
        this.client = client;
    }

    private record Created(EthBlock.Block block, Transaction transaction, String contract) {
    }

    /** The batch's new contracts that embed a watched address, one event each, in chain order. */
    List<ChainEvent> find(ChainProfile profile, FollowerBlocks.Read read) throws ChainUnreachable {
        List<Map.Entry<EthBlock.Block, Transaction>> creations = new ArrayList<>();
        for (EthBlock.Block block : read.blocks()) {
            for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
                if (result.get() instanceof Transaction t && (t.getTo() == null || t.getTo().isEmpty())) {
                    creations.add(Map.entry(block, t));
                }
            }
        }
        if (creations.isEmpty()) {
            return List.of();
        }
        Map<String, TransactionReceipt> receipts = FollowerBlocks.receipts(client, profile, read,
                creations.stream().map(e -> e.getValue().getHash()).toList());
        List<Created> created = new ArrayList<>();
        for (Map.Entry<EthBlock.Block, Transaction> creation : creations) {
            TransactionReceipt receipt = receipts.get(creation.getValue().getHash().toLowerCase(Locale.ROOT));
            if (receipt != null && receipt.isStatusOK() && receipt.getContractAddress() != null) {
                created.add(new Created(creation.getKey(), creation.getValue(),
                        receipt.getContractAddress().toLowerCase(Locale.ROOT)));
            }
        }
        Map<String, String> watched = watched(profile);
        List<ChainEvent> events = new ArrayList<>();
        for (int first = 0; first < created.size(); first += BlockFollower.CALLS_PER_BATCH) {
            List<Created> chunk = created.subList(first, Math.min(created.size(), first + BlockFollower.CALLS_PER_BATCH));
            ChainClient.Answers codes = client.send(profile, chunk.stream().<RpcCall<?>>map(c -> RpcCall.code(
                    c.contract(), Numeric.encodeQuantity(c.block().getNumber()))).toList());
            for (int i = 0; i < chunk.size(); i++) {
                String code = ChainDiagnostic.codeOf(codes, i);
                Map<String, String> embedded = embedded(code, watched);
                if (!embedded.isEmpty()) {
                    events.add(event(chunk.get(i), embedded, code));
                }
            }
        }
        return events;
    }

    /** The watched addresses (lowercase, no 0x) whose 20 bytes appear in the runtime code, with their roles. */
    static Map<String, String> embedded(String code, Map<String, String> watched) {
        String hex = Numeric.cleanHexPrefix(code).toLowerCase(Locale.ROOT);
        Map<String, String> found = new LinkedHashMap<>();
        watched.forEach((address, role) -> {
            if (hex.contains(address)) {
                found.put(address, role);
            }
        });
        return found;
    }

    /** The stack's addresses a staged contract would target, lowercase without 0x, with their roles. */
    static Map<String, String> watched(ChainProfile profile) {
        Map<String, String> watched = new LinkedHashMap<>();
        add(watched, profile.contracts().entryPoint(), "entryPoint");
        add(watched, profile.contracts().accountFactory(), "accountFactory");
        if (profile.contracts().paymaster() != null) {
            add(watched, profile.contracts().paymaster(), "paymaster");
        }
        add(watched, profile.contracts().delegationManager(), "delegationManager");
        return watched;
    }

    private static void add(Map<String, String> watched, ContractRef contract, String role) {
        watched.putIfAbsent(Numeric.cleanHexPrefix(contract.address()).toLowerCase(Locale.ROOT), role);
    }

    private static ChainEvent event(Created c, Map<String, String> embedded, String code) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployer", c.transaction().getFrom().toLowerCase(Locale.ROOT));
        fields.put("newContract", c.contract());
        fields.put("embeds", String.join(",", embedded.values()));
        fields.put("embedded", String.join(",", embedded.keySet().stream().map(a -> "0x" + a).toList()));
        fields.put("codeSize", Integer.toString(Numeric.cleanHexPrefix(code).length() / 2));
        BigInteger number = c.block().getNumber();
        return new ChainEvent(number.longValueExact(), c.block().getHash(),
                Instant.ofEpochSecond(c.block().getTimestamp().longValueExact()), c.transaction().getHash(),
                STAGED_INDEX - c.transaction().getTransactionIndex().intValueExact(), ROLE, c.contract(), STAGED_CONTRACT,
                fields);
    }
}
