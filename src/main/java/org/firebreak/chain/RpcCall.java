package org.firebreak.chain;

import java.util.List;

import org.web3j.protocol.core.Response;

/**
 * One JSON-RPC call, independent of the endpoint it will be sent to, so a batch can fail over as a whole.
 * Built through the factories below, which name the web3j response type of each method.
 */
record RpcCall<R extends Response<?>>(String method, List<?> params, Class<R> responseType) {

    static RpcCall<org.web3j.protocol.core.methods.response.EthChainId> chainId() {
        return new RpcCall<>("eth_chainId", List.of(), org.web3j.protocol.core.methods.response.EthChainId.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthBlockNumber> blockNumber() {
        return new RpcCall<>("eth_blockNumber", List.of(), org.web3j.protocol.core.methods.response.EthBlockNumber.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthSyncing> syncing() {
        return new RpcCall<>("eth_syncing", List.of(), org.web3j.protocol.core.methods.response.EthSyncing.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.NetPeerCount> peerCount() {
        return new RpcCall<>("net_peerCount", List.of(), org.web3j.protocol.core.methods.response.NetPeerCount.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthGasPrice> gasPrice() {
        return new RpcCall<>("eth_gasPrice", List.of(), org.web3j.protocol.core.methods.response.EthGasPrice.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthGetCode> code(String address, String block) {
        return new RpcCall<>("eth_getCode", List.of(address, block), org.web3j.protocol.core.methods.response.EthGetCode.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthCall> call(String to, String data, String block) {
        return call(null, to, data, block);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthCall> call(String from, String to, String data,
            String block) {
        return new RpcCall<>("eth_call",
                List.of(org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(from, to, data), block),
                org.web3j.protocol.core.methods.response.EthCall.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthBlock> block(String block) {
        return new RpcCall<>("eth_getBlockByNumber", List.of(block, false),
                org.web3j.protocol.core.methods.response.EthBlock.class);
    }

    /** The block with its full transactions (the follower reads who sent what to the DelegationManager). */
    static RpcCall<org.web3j.protocol.core.methods.response.EthBlock> blockWithTransactions(long number) {
        return new RpcCall<>("eth_getBlockByNumber", List.of(org.web3j.utils.Numeric.encodeQuantity(
                java.math.BigInteger.valueOf(number)), true), org.web3j.protocol.core.methods.response.EthBlock.class);
    }

    /** Every receipt of a block (the follower finds the few transactions it reads in full by them). */
    static RpcCall<org.web3j.protocol.core.methods.response.EthGetBlockReceipts> blockReceipts(long number) {
        return new RpcCall<>("eth_getBlockReceipts", List.of(org.web3j.utils.Numeric.encodeQuantity(
                java.math.BigInteger.valueOf(number))), org.web3j.protocol.core.methods.response.EthGetBlockReceipts.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthTransaction> transaction(String hash) {
        return new RpcCall<>("eth_getTransactionByHash", List.of(hash),
                org.web3j.protocol.core.methods.response.EthTransaction.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthFeeHistory> feeHistory(int blocks, String newest) {
        return new RpcCall<>("eth_feeHistory", List.of(org.web3j.utils.Numeric.toHexStringWithPrefix(
                java.math.BigInteger.valueOf(blocks)), newest, List.of(50.0)),
                org.web3j.protocol.core.methods.response.EthFeeHistory.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthLog> logs(List<String> addresses, long fromBlock,
            long toBlock, List<String> topic0) {
        org.web3j.protocol.core.methods.request.EthFilter filter = new org.web3j.protocol.core.methods.request.EthFilter(
                org.web3j.protocol.core.DefaultBlockParameter.valueOf(java.math.BigInteger.valueOf(fromBlock)),
                org.web3j.protocol.core.DefaultBlockParameter.valueOf(java.math.BigInteger.valueOf(toBlock)), addresses);
        filter.addOptionalTopics(topic0.toArray(String[]::new));
        return new RpcCall<>("eth_getLogs", List.of(filter), org.web3j.protocol.core.methods.response.EthLog.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthGetBalance> balance(String address, String block) {
        return new RpcCall<>("eth_getBalance", List.of(address, block),
                org.web3j.protocol.core.methods.response.EthGetBalance.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthGetTransactionCount> transactionCount(String address,
            String block) {
        return new RpcCall<>("eth_getTransactionCount", List.of(address, block),
                org.web3j.protocol.core.methods.response.EthGetTransactionCount.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthMaxPriorityFeePerGas> maxPriorityFeePerGas() {
        return new RpcCall<>("eth_maxPriorityFeePerGas", List.of(),
                org.web3j.protocol.core.methods.response.EthMaxPriorityFeePerGas.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthEstimateGas> estimateGas(String from, String to,
            String data) {
        return new RpcCall<>("eth_estimateGas",
                List.of(org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(from, to, data)),
                org.web3j.protocol.core.methods.response.EthEstimateGas.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthSendRawTransaction> sendRawTransaction(String signed) {
        return new RpcCall<>("eth_sendRawTransaction", List.of(signed),
                org.web3j.protocol.core.methods.response.EthSendRawTransaction.class);
    }

    static RpcCall<org.web3j.protocol.core.methods.response.EthGetTransactionReceipt> transactionReceipt(String hash) {
        return new RpcCall<>("eth_getTransactionReceipt", List.of(hash),
                org.web3j.protocol.core.methods.response.EthGetTransactionReceipt.class);
    }
}
