package org.firebreak.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.firebreak.chain.ServedAccountStore.ServedAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/**
 * The served EIP-7702 accounts as they stand now: each one's code read live at one block, beside what the block
 * follower's watch recorded for it (the old delegate, the block and transaction of the change). What the
 * "Delegated account drained" checks share.
 */
@Component
class ServedAccounts {

    /** The most accounts one check reads (25 to a batch: 20 batches). */
    static final int MOST_READ = 500;

    private final ChainClient client;
    private final ServedAccountStore store;

    ServedAccounts(ChainClient client, ServedAccountStore store) {
        this.client = client;
        this.store = store;
    }

    /**
     * One served account now.
     *
     * @param delegate the delegate its code names now, null when it delegates to nothing
     * @param followed what the watch recorded, null when the follower has not read the account yet
     */
    record Account(String address, DelegationDesignator.Kind kind, @Nullable String delegate,
            @Nullable ServedAccount followed) {

        boolean allowed(ChainProfile profile) {
            return delegate == null || profile.accounts().allows(delegate);
        }

        /** The watch's record is about the delegate the account has now. */
        boolean followedAsNow() {
            return followed != null && followed.kind() == kind && Objects.equals(followed.delegate(), delegate);
        }

        /** "was 0x… (re-delegated in block 41, tx 0x…)", or how the watch first saw it. */
        String history() {
            if (!followedAsNow()) {
                return "the block follower has not recorded the change yet";
            }
            String where = "block " + followed.sinceBlock() + (followed.sinceTx() == null ? "" : ", tx " + followed.sinceTx());
            return followed.previousDelegate() == null ? "first seen so at " + where
                    : "was " + followed.previousDelegate() + "; re-delegated in " + where;
        }
    }

    /** The served accounts at one block, read through one endpoint. */
    record Snapshot(ChainClient.Answers answers, long block, List<Account> accounts, int served) {

        List<Account> notAllowed(ChainProfile profile) {
            return accounts.stream().filter(a -> !a.allowed(profile)).toList();
        }
    }

    Snapshot read(ChainProfile profile) throws ChainUnreachable {
        Map<String, ServedAccount> followed = store.all(profile.chainId());
        Set<String> all = new LinkedHashSet<>(profile.accounts().served());
        all.addAll(followed.keySet());
        List<String> addresses = all.stream().limit(MOST_READ).toList();
        ChainClient.Answers head = client.send(profile, List.of(RpcCall.blockNumber()));
        long block = ChainDiagnostic.blockNumber(head, 0);
        String at = Numeric.encodeQuantity(BigInteger.valueOf(block));
        List<Account> accounts = new ArrayList<>();
        for (int first = 0; first < addresses.size(); first += BlockFollower.CALLS_PER_BATCH) {
            List<String> chunk = addresses.subList(first, Math.min(addresses.size(), first + BlockFollower.CALLS_PER_BATCH));
            ChainClient.Answers answers = client.send(profile, chunk.stream().<RpcCall<?>>map(a -> RpcCall.code(a, at)).toList());
            for (int i = 0; i < chunk.size(); i++) {
                String code = ChainDiagnostic.codeOf(answers, i);
                accounts.add(new Account(chunk.get(i), DelegationDesignator.kind(code),
                        DelegationDesignator.delegate(code).orElse(null), followed.get(chunk.get(i))));
            }
        }
        return new Snapshot(head, block, accounts, all.size());
    }
}
