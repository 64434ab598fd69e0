package org.firebreak.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.core.methods.response.EthGasPrice;

/** "Check gas prices": the gas price against the configured ceiling, and the base fee's recent trend. */
@Component
class GasPricesDiagnostic extends ChainDiagnostic {

    static final int HISTORY_BLOCKS = 20;

    GasPricesDiagnostic(ChainProfiles profiles, ChainClient client) {
        super(profiles, client, "gas-prices",
                "Gas price against the configured ceiling; base fee trend over the last " + HISTORY_BLOCKS + " blocks");
    }

    @Override
    Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable {
        ChainClient.Answers answers = client.send(profile,
                List.of(RpcCall.blockNumber(), RpcCall.gasPrice(), RpcCall.feeHistory(HISTORY_BLOCKS, "latest")));
        long block = blockNumber(answers, 0);
        EthGasPrice gasPrice = answers.get(1, EthGasPrice.class);
        failOnError(gasPrice);
        Map<String, String> evidence = evidence(answers, block);
        BigInteger price = gasPrice.getGasPrice();
        BigInteger ceiling = profile.thresholds().gasPriceCeiling();
        evidence.put("gasPriceWei", price.toString());
        evidence.put("ceilingWei", ceiling.toString());
        Problems problems = new Problems();
        EthFeeHistory history = answers.get(2, EthFeeHistory.class);
        String trend = "";
        if (!history.hasError() && history.getFeeHistory() != null && !history.getFeeHistory().getBaseFeePerGas().isEmpty()) {
            List<BigInteger> baseFees = history.getFeeHistory().getBaseFeePerGas();
            BigInteger oldest = baseFees.getFirst();
            BigInteger newest = baseFees.getLast();
            evidence.put("baseFeeOldestWei", oldest.toString());
            evidence.put("baseFeeNewestWei", newest.toString());
            trend = "; base fee " + gwei(oldest) + " → " + gwei(newest) + " over " + (baseFees.size() - 1) + " blocks";
        }
        if (price.compareTo(ceiling) > 0) {
            problems.warn("gas.over-ceiling", "gasPrice", "gas price " + gwei(price) + " is above the ceiling of " + gwei(ceiling) + trend);
        }
        return finding(problems, "gas price " + gwei(price) + " is under the ceiling of "
                + gwei(ceiling) + trend, evidence);
    }
}
