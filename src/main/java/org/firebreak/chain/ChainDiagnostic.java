package org.firebreak.chain;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.firebreak.chain.Finding.Status;
import org.firebreak.playbook.StepExecutor;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.shared.InvalidConfiguration;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.crypto.Hash;

/**
 * A read-only check of the chain behind one of the plan's "Check …" steps. It serves the playbook step
 * {@code diagnostic:<name>} and the on-demand API; a missing profile or an unreachable chain is itself a finding,
 * never an exception.
 */
abstract class ChainDiagnostic implements StepExecutor {

    protected final ChainProfiles profiles;
    protected final ChainClient client;
    private final String name;
    private final String description;

    /**
     * @param name as in {@code diagnostic:<name>} and {@code /api/v1/diagnostics/<name>}
     * @param description one line: what it checks
     */
    ChainDiagnostic(ChainProfiles profiles, ChainClient client, String name, String description) {
        this.profiles = profiles;
        this.client = client;
        this.name = name;
        this.description = description;
    }

    final String name() {
        return name;
    }

    final String description() {
        return description;
    }

    abstract Finding check(ChainProfile profile, Map<String, String> options) throws ChainUnreachable;

    Finding run(Map<String, String> options) {
        return runWith(profile -> profile, options);
    }

    /** Runs against the profile in force as adjusted by {@code adjust} (e.g. one delegation to check). */
    Finding runWith(java.util.function.UnaryOperator<ChainProfile> adjust, Map<String, String> options) {
        Optional<ChainProfile> profile;
        try {
            profile = profiles.current();
        } catch (InvalidConfiguration e) {
            return Finding.single(name(), Status.FAIL, "profile.invalid", "The chain profile is invalid: " + e.getMessage());
        }
        if (profile.isEmpty()) {
            return Finding.single(name(), Status.WARN, "profile.missing", "No chain profile to check against: " + profiles.describe());
        }
        try (EndpointsUsed used = EndpointsUsed.open()) {
            return namingEndpoints(check(adjust.apply(profile.get()), options), used);
        } catch (ChainUnreachable e) {
            return Finding.single(name(), Status.FAIL, "chain.unreachable", "Chain unreachable: " + e.getMessage());
        }
    }

    @Override
    public String automation() {
        return "diagnostic:" + name();
    }

    @Override
    public StepOutcome run(StepRun run) {
        return run(Map.of()).asStepOutcome();
    }

    /** The finding of a check: the worst problem's status, the problems' summary or {@code ok} when none. */
    Finding finding(Problems problems, String ok, Map<String, String> evidence) {
        return new Finding(name(), problems.status(), problems.summary(ok), evidence, problems.list());
    }

    /**
     * The finding with every endpoint its reads went to as {@code endpoint}, first in its evidence: a check that
     * failed over between two batches names both.
     */
    static Finding namingEndpoints(Finding finding, EndpointsUsed used) {
        if (!used.any()) {
            return finding;
        }
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("endpoint", used.names());
        finding.evidence().forEach(evidence::putIfAbsent);
        return new Finding(finding.diagnostic(), finding.status(), finding.summary(), evidence, finding.problems());
    }

    /** Evidence in the order it was read, starting with where and at which block. */
    static Map<String, String> evidence(ChainClient.Answers answers, long block) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("endpoint", answers.endpoint().name());
        evidence.put("block", Long.toString(block));
        evidence.put("latencyMs", Long.toString(answers.latency().toMillis()));
        return evidence;
    }

    static String codeOf(ChainClient.Answers answers, int index) {
        EthGetCode code = answers.get(index, EthGetCode.class);
        failOnError(code);
        return code.getCode() == null ? "0x" : code.getCode();
    }

    /** Code present at the contract's address and, where the profile knows it, the expected code hash. */
    static boolean checkCode(ChainProfile.ContractRef contract, String code, Problems problems,
            Map<String, String> evidence) {
        String key = contract.name();
        evidence.put(key + ".address", contract.address());
        if (!hasCode(code)) {
            evidence.put(key + ".code", "none");
            problems.fail("code.missing", contract.name(), contract.name() + " " + contract.address() + " has no code");
            return false;
        }
        String hash = codeHash(code);
        evidence.put(key + ".codeHash", hash);
        if (contract.codeHash() != null && !contract.codeHash().equalsIgnoreCase(hash)) {
            problems.fail("code.changed", contract.name(), contract.name() + " " + contract.address() + " code changed: hash " + hash + ", expected "
                    + contract.codeHash());
            return false;
        }
        return true;
    }

    static boolean hasCode(String code) {
        return code != null && code.length() > 2;
    }

    static String codeHash(String code) {
        return Hash.sha3(code);
    }

    /** The return data of an eth_call, or the error's text when it reverted. */
    static String callResult(ChainClient.Answers answers, int index) throws CallReverted {
        EthCall call = answers.get(index, EthCall.class);
        if (call.hasError() || call.isReverted()) {
            String data = call.getError() == null ? null : String.valueOf(call.getError().getData());
            throw new CallReverted(call.getError() == null ? call.getRevertReason() : call.getError().getMessage(), data);
        }
        return call.getValue();
    }

    static long blockNumber(ChainClient.Answers answers, int index) {
        var response = answers.get(index, org.web3j.protocol.core.methods.response.EthBlockNumber.class);
        failOnError(response);
        return response.getBlockNumber().longValueExact();
    }

    static void failOnError(Response<?> response) {
        if (response.hasError()) {
            throw new IllegalStateException(response.getError().getMessage());
        }
    }

    static String eth(BigInteger wei) {
        return new java.math.BigDecimal(wei).movePointLeft(18).stripTrailingZeros().toPlainString() + " ETH";
    }

    static String gwei(BigInteger wei) {
        return new java.math.BigDecimal(wei).movePointLeft(9).stripTrailingZeros().toPlainString() + " gwei";
    }

    static String shortAddress(String address) {
        return address.substring(0, 6) + "…" + address.substring(address.length() - 4);
    }

    /** An eth_call that reverted, with its message and revert data. */
    static final class CallReverted extends Exception {

        final String data;

        CallReverted(String message, String data) {
            super(message);
            this.data = data;
        }
    }
}
