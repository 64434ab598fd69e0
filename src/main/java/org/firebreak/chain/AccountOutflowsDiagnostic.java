package org.firebreak.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.firebreak.chain.ServedAccounts.Account;
import org.springframework.stereotype.Component;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthGetBalance;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.utils.Numeric;

/**
 * "Check the account's recent outflows": for each served account delegating outside the allowlist, its balance
 * just before the delegate changed and now, and the ERC-20 {@code Transfer}s it sent since (any token), within
 * {@value RecentChangesDiagnostic#WINDOW_BLOCKS} blocks. A sweeper empties an account in the block it gets control,
 * so what left is what the responders must trace. FAIL when value left, WARN when nothing did yet.
 */
@Component
class AccountOutflowsDiagnostic extends ChainDiagnostic {

    static final String TRANSFER = StackAbi.topic("Transfer(address,address,uint256)");

    private final ServedAccounts served;

    AccountOutflowsDiagnostic(ChainProfiles profiles, ChainClient client, ServedAccounts served) {
        super(profiles, client, "account-outflows",
                "Served accounts delegating outside the allowlist: balance before the change and now, ERC-20 transfers out since");
        this.served = served;
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        ServedAccounts.Snapshot now = served.read(profile);
        Map<String, String> evidence = evidence(now.answers(), now.block());
        Problems problems = new Problems();
        List<Account> exposed = now.notAllowed(profile);
        for (Account a : exposed) {
            long since = a.followedAsNow() ? a.followed().sinceBlock()
                    : Math.max(0, now.block() - RecentChangesDiagnostic.WINDOW_BLOCKS);
            long before = Math.max(0, since - 1);
            long from = Math.max(since, now.block() - RecentChangesDiagnostic.WINDOW_BLOCKS);
            ChainClient.Answers answers = client.send(profile, List.of(
                    RpcCall.balance(a.address(), hex(before)), RpcCall.balance(a.address(), hex(now.block())),
                    transfersFrom(a.address(), from, now.block())));
            BigInteger then = balance(answers, 0);
            BigInteger left = balance(answers, 1);
            EthLog transfers = answers.get(2, EthLog.class);
            failOnError(transfers);
            List<String> sent = new ArrayList<>();
            for (EthLog.LogResult<?> result : transfers.getLogs()) {
                EthLog.LogObject log = (EthLog.LogObject) result;
                sent.add(log.getAddress() + " to 0x" + log.getTopics().get(2).substring(26) + " in block "
                        + log.getBlockNumber() + " (tx " + log.getTransactionHash() + ")");
            }
            String key = a.address();
            evidence.put(key + ".delegate", a.delegate());
            evidence.put(key + ".balanceBefore", eth(then) + " at block " + before);
            evidence.put(key + ".balanceNow", eth(left) + " at block " + now.block());
            evidence.put(key + ".tokenTransfersOut", sent.size() + " in blocks " + from + "-" + now.block());
            for (int i = 0; i < sent.size() && i < 10; i++) {
                evidence.put(key + ".tokenTransfer." + (i + 1), sent.get(i));
            }
            BigInteger lost = then.subtract(left);
            if (lost.signum() > 0 || !sent.isEmpty()) {
                problems.fail("account.outflow", key, key + " lost " + eth(lost.max(BigInteger.ZERO)) + " since block "
                        + since + " (" + eth(then) + " → " + eth(left) + ") and sent " + sent.size()
                        + " token transfer(s) under delegate " + a.delegate());
            } else {
                problems.warn("account.exposed", key, key + " kept its " + eth(left) + " and sent no token since block "
                        + since + ", but delegate " + a.delegate() + " can move it at any time");
            }
        }
        evidence.put("exposedAccounts", Integer.toString(exposed.size()));
        return finding(problems, "no served account delegates outside the allowlist at block " + now.block()
                + " (" + now.served() + " served)", evidence);
    }

    private static RpcCall<EthLog> transfersFrom(String account, long from, long to) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), List.of());
        filter.addSingleTopic(TRANSFER);
        filter.addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(account), 64));
        return new RpcCall<>("eth_getLogs", List.of(filter), EthLog.class);
    }

    private static BigInteger balance(ChainClient.Answers answers, int index) {
        EthGetBalance balance = answers.get(index, EthGetBalance.class);
        failOnError(balance);
        return balance.getBalance();
    }

    private static String hex(long block) {
        return Numeric.encodeQuantity(BigInteger.valueOf(block));
    }
}
