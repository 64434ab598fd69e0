package org.firebreak.chain;

import java.math.BigInteger;
import java.security.SignatureException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.firebreak.chain.ServedAccountStore.ServedAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.methods.response.AuthorizationTuple;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.utils.Numeric;

/**
 * The EIP-7702 watch, run by the block follower on each batch. An EOA's code changes only through an authorization
 * in a type-4 transaction, so the watch decodes every followed type-4 transaction's {@code authorizationList},
 * recovers each authorization's signer (the account it re-delegates), and reads the code of the served accounts among
 * them at the batch's last block; accounts served for the first time (the profile's, or senders of this batch's
 * {@code UserOperationEvent}s) are read there too. A delegate that differs from the one stored becomes a
 * {@value #DELEGATE_CHANGED} event in the batch, naming the account, the old and the new delegate, whether the new one
 * is on the profile's allowlist, and the block and transaction of the authorization. The code read is the truth: an
 * authorization the chain skipped (wrong nonce or chain id) changes nothing and records nothing.
 */
@Component
class AccountWatch {

    static final String DELEGATE_CHANGED = "DelegateChanged";
    static final String ROLE = "servedAccount";
    static final String NONE = "none";
    static final String FROM_PROFILE = "profile";
    static final String FROM_ENTRY_POINT = "entryPoint";

    /** Watch rows sort after the block's logs and failed redemptions: (block hash, log index) stays unique. */
    private static final int AUTHORIZATION_INDEX = -(1 << 24);
    private static final int FIRST_SIGHT_INDEX = -(1 << 30);

    private final ChainClient client;
    private final ServedAccountStore store;

    AccountWatch(ChainClient client, ServedAccountStore store) {
        this.client = client;
        this.store = store;
    }

    /** What one batch changed: the events to store with it and the served accounts' new rows. */
    record Watched(List<ChainEvent> events, List<ServedAccount> accounts) {
        static final Watched NOTHING = new Watched(List.of(), List.of());
    }

    /** One authorization of a followed type-4 transaction, with the account that signed it. */
    record Authorization(EthBlock.Block block, Transaction transaction, int index, String authority, String delegate) {
    }

    Watched watch(ChainProfile profile, List<EthBlock.Block> blocks, List<ChainEvent> events) throws ChainUnreachable {
        Map<String, ServedAccount> known = store.all(profile.chainId());
        Map<String, String> newcomers = newcomers(profile, known, events);
        Map<String, Authorization> authorizations = new LinkedHashMap<>();
        blocks.forEach(block -> authorizations(block).forEach(a -> authorizations.put(a.authority(), a)));
        Set<String> read = new LinkedHashSet<>(newcomers.keySet());
        authorizations.keySet().stream().filter(known::containsKey).forEach(read::add);
        if (read.isEmpty()) {
            return Watched.NOTHING;
        }
        EthBlock.Block last = blocks.getLast();
        Map<String, String> codes = codes(profile, List.copyOf(read), last.getNumber().longValueExact());
        List<ChainEvent> changes = new ArrayList<>();
        List<ServedAccount> rows = new ArrayList<>();
        for (Map.Entry<String, String> entry : codes.entrySet()) {
            String account = entry.getKey();
            String delegate = DelegationDesignator.delegate(entry.getValue()).orElse(null);
            DelegationDesignator.Kind kind = DelegationDesignator.kind(entry.getValue());
            ServedAccount before = known.get(account);
            if (before != null && before.kind() == kind && Objects.equals(before.delegate(), delegate)) {
                continue;
            }
            Authorization by = authorizations.get(account);
            EthBlock.Block block = by != null ? by.block() : last;
            String source = before != null ? before.source() : newcomers.get(account);
            String previous = before == null ? null : before.delegate();
            rows.add(new ServedAccount(account, source, kind, delegate, previous, block.getNumber().longValueExact(),
                    by == null ? null : by.transaction().getHash()));
            if (before != null || delegate != null) {
                int logIndex = by != null
                        ? AUTHORIZATION_INDEX - by.transaction().getTransactionIndex().intValueExact() * 4096 - by.index()
                        : FIRST_SIGHT_INDEX + changes.size();
                changes.add(new ChainEvent(block.getNumber().longValueExact(), block.getHash(),
                        Instant.ofEpochSecond(block.getTimestamp().longValueExact()),
                        by == null ? "0x" : by.transaction().getHash(), logIndex, ROLE, account, DELEGATE_CHANGED,
                        fields(profile, account, source, previous, delegate, before == null)));
            }
        }
        return new Watched(changes, rows);
    }

    /** Stores the batch's served accounts; called in the batch's transaction. */
    void save(long chainId, Watched watched, Instant now) {
        store.save(chainId, watched.accounts(), now);
    }

    void forgetChain(long chainId) {
        store.forgetChain(chainId);
    }

    /**
     * The authorizations of a block's type-4 transactions, each with its signer. One whose signature recovers no
     * key is skipped, as the chain skips it.
     */
    static List<Authorization> authorizations(EthBlock.Block block) {
        List<Authorization> found = new ArrayList<>();
        for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
            if (!(result.get() instanceof Transaction t) || t.getAuthorizationList() == null) {
                continue;
            }
            List<AuthorizationTuple> list = t.getAuthorizationList();
            for (int i = 0; i < list.size(); i++) {
                AuthorizationTuple a = list.get(i);
                try {
                    String authority = Sign.recoverAuthorizationSigner(new org.web3j.crypto.AuthorizationTuple(
                            a.getChainId(), a.getAddress(), a.getNonce(), a.getYParity(), a.getR(), a.getS()));
                    found.add(new Authorization(block, t, i, authority.toLowerCase(Locale.ROOT),
                            a.getAddress().toLowerCase(Locale.ROOT)));
                } catch (SignatureException | RuntimeException e) {
                    // not a valid signature: the chain applies nothing for it
                }
            }
        }
        return found;
    }

    private static Map<String, String> newcomers(ChainProfile profile, Map<String, ServedAccount> known,
            List<ChainEvent> events) {
        Map<String, String> newcomers = new LinkedHashMap<>();
        profile.accounts().served().stream().filter(a -> !known.containsKey(a))
                .forEach(a -> newcomers.put(a, FROM_PROFILE));
        if (profile.accounts().discovers()) {
            events.stream().filter(e -> "UserOperationEvent".equals(e.name()) && e.fields().containsKey("sender"))
                    .map(e -> e.fields().get("sender")).filter(a -> !known.containsKey(a))
                    .forEach(a -> newcomers.putIfAbsent(a, FROM_ENTRY_POINT));
        }
        return newcomers;
    }

    /** The accounts' code at {@code block}, read {@value BlockFollower#CALLS_PER_BATCH} to a batch. */
    private Map<String, String> codes(ChainProfile profile, List<String> accounts, long block) throws ChainUnreachable {
        Map<String, String> codes = new LinkedHashMap<>();
        String at = Numeric.encodeQuantity(BigInteger.valueOf(block));
        for (int first = 0; first < accounts.size(); first += BlockFollower.CALLS_PER_BATCH) {
            List<String> chunk = accounts.subList(first, Math.min(accounts.size(), first + BlockFollower.CALLS_PER_BATCH));
            ChainClient.Answers answers = client.send(profile, chunk.stream().<RpcCall<?>>map(a -> RpcCall.code(a, at)).toList());
            for (int i = 0; i < chunk.size(); i++) {
                codes.put(chunk.get(i), ChainDiagnostic.codeOf(answers, i));
            }
        }
        return codes;
    }

    private static Map<String, String> fields(ChainProfile profile, String account, String source,
            @Nullable String previous, @Nullable String delegate, boolean firstSeen) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("account", account);
        fields.put("oldDelegate", previous == null ? NONE : previous);
        fields.put("newDelegate", delegate == null ? NONE : delegate);
        fields.put("allowed", Boolean.toString(delegate == null || profile.accounts().allows(delegate)));
        fields.put("source", source);
        fields.put("firstSeen", Boolean.toString(firstSeen));
        return fields;
    }
}
