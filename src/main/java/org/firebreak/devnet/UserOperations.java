package org.firebreak.devnet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.EntryPointVersion;
import org.firebreak.devnet.DeployedStack.DeployedEntryPoint;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * Sends ERC-4337 user operations through one of the devnet's real EntryPoints (v0.7, v0.8 or v0.9), as a bundler
 * does: builds {@code PackedUserOperation}s for a SimpleAccount of that release owned by a dev key (its first operation
 * carries the initCode that deploys it, so the EntryPoint emits {@code AccountDeployed}), signs each over
 * {@code EntryPoint.getUserOpHash} as that release's account expects ({@link PackedUserOperation#signed}), tops up the
 * account's EntryPoint deposit and sends them with {@code handleOps} from dev account 8, the beneficiary too, in as
 * few bundles as {@link #BUNDLE_GAS_BUDGET} allows. Get one from {@link Devnet#userOperations()} (v0.7) or
 * {@link Devnet#userOperations(org.firebreak.chain.EntryPointVersion)}. Nonces are read per bundle, so two callers
 * sending from the same account at once would collide (AA25): send from one thread.
 *
 * <pre>{@code
 * SentOperations sent = devnet.userOperations().sendFailing(11);   // one bundle, one block
 * sent.operations().forEach(op -> assertThat(op.success()).isFalse());
 * }</pre>
 */
public final class UserOperations implements AutoCloseable {

    /** What an operation is meant to do. */
    public enum Kind {
        /** The account makes an empty call to its owner. */
        SUCCEED,
        /**
         * The account redeems a watched delegation that was made to another account: validation passes, the call
         * reverts {@code InvalidDelegate()} ({@code EnforcedPause()} while the DelegationManager is paused).
         */
        FAIL,
        /** The account calls the {@link GasBurner} for {@link #HIGH_GAS_BURN} gas: over the 500,000-gas rule. */
        HIGH_GAS;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A SimpleAccount of the user-operation signer at its CREATE2 address, deployed or still counterfactual. */
    public record SmartAccount(String address, String owner, BigInteger salt) {
    }

    /** Execution gas a high-gas operation burns; with verification and preVerificationGas it uses over 650,000. */
    public static final long HIGH_GAS_BURN = 600_000;
    /** At most this much gas (operations' limits summed) per {@code handleOps}: a third of anvil's block gas limit. */
    static final BigInteger BUNDLE_GAS_BUDGET = BigInteger.valueOf(10_000_000);

    private static final BigInteger PRE_VERIFICATION_GAS = BigInteger.valueOf(50_000);
    private static final BigInteger VERIFICATION_GAS = BigInteger.valueOf(150_000);
    /** Added to the first operation's verification gas: the factory deploys the account's proxy. */
    private static final BigInteger DEPLOYMENT_GAS = BigInteger.valueOf(350_000);
    private static final BigInteger TIP = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger MIN_TOP_UP = Convert.toWei("1", Convert.Unit.ETHER).toBigIntegerExact();

    private final DevnetState state;
    private final ChainProfile profile;
    private final DeployedEntryPoint target;
    private final DevnetChain chain;
    private final Credentials bundler = DevAccounts.bundler();
    private final Credentials signer = DevAccounts.userOperationSigner();
    private @Nullable RevertReasons reasons;

    UserOperations(DevnetState state, ChainProfile profile, DeployedEntryPoint target) {
        this.state = state;
        this.profile = profile;
        this.target = target;
        this.chain = new DevnetChain(state.anvilUrl());
    }

    /** The EntryPoint these operations go through and the SimpleAccountFactory of its release. */
    public DeployedEntryPoint entryPoint() {
        return target;
    }

    /** The devnet's user account (salt 0): created by the first operation any caller sends from it. */
    public SmartAccount account() {
        return account(BigInteger.ZERO);
    }

    /** An account no operation has deployed yet: its first operation creates it. */
    public SmartAccount newAccount() {
        for (int salt = 1; salt < 100_000; salt++) {
            SmartAccount account = account(BigInteger.valueOf(salt));
            if (chain.code(account.address()).equals("0x")) {
                return account;
            }
        }
        throw new DevnetFailure("every one of the user-operation signer's first 100,000 accounts is deployed");
    }

    private SmartAccount account(BigInteger salt) {
        String address = (String) chain.callValue(target.accountFactory(),
                StackFunctions.account("getAddress", signer.getAddress(), salt));
        return new SmartAccount(address, signer.getAddress(), salt);
    }

    public SentOperations sendSucceeding(int count) {
        return send(account(), count, 0, 0);
    }

    public SentOperations sendFailing(int count) {
        return send(account(), 0, count, 0);
    }

    public SentOperations sendHighGas(int count) {
        return send(account(), 0, 0, count);
    }

    /** Sends that many operations of each kind from {@code from}, in this order: succeeding, failing, high-gas. */
    public SentOperations send(SmartAccount from, int succeeding, int failing, int highGas) {
        if (succeeding < 0 || failing < 0 || highGas < 0) {
            throw new DevnetFailure("user operation counts cannot be negative");
        }
        List<Kind> kinds = new ArrayList<>(Collections.nCopies(succeeding, Kind.SUCCEED));
        kinds.addAll(Collections.nCopies(failing, Kind.FAIL));
        kinds.addAll(Collections.nCopies(highGas, Kind.HIGH_GAS));
        return send(from, kinds);
    }

    /**
     * One succeeding operation from {@code from}, already deployed, that carries its factory initCode all the same: a
     * v0.9 EntryPoint ignores it and emits {@code IgnoredInitCode} (v0.7 and v0.8 refuse the whole bundle with AA10,
     * so only v0.9 is offered).
     */
    public SentOperations sendRepeatingInitCode(SmartAccount from) {
        if (target.version().compareTo(EntryPointVersion.V09) < 0) {
            throw new DevnetFailure("EntryPoint " + target.version().label() + " refuses initCode for a deployed account "
                    + "(AA10): only v0.9 ignores it");
        }
        if (chain.code(from.address()).equals("0x")) {
            throw new DevnetFailure("account " + from.address() + " is not deployed yet: its initCode would deploy it");
        }
        return new SentOperations(from, List.of(sendBundle(from, List.of(Kind.SUCCEED), true)));
    }

    public SentOperations send(SmartAccount from, List<Kind> kinds) {
        if (kinds.isEmpty()) {
            throw new DevnetFailure("no user operation to send: ask for at least one");
        }
        chain.requireBlocks("sending user operations");
        List<SentBundle> bundles = new ArrayList<>();
        List<Kind> bundle = new ArrayList<>();
        BigInteger gas = BigInteger.ZERO;
        for (Kind kind : kinds) {
            BigInteger limit = callGas(kind).add(VERIFICATION_GAS).add(PRE_VERIFICATION_GAS);
            if (!bundle.isEmpty() && gas.add(limit).compareTo(BUNDLE_GAS_BUDGET) > 0) {
                bundles.add(sendBundle(from, bundle, false));
                bundle = new ArrayList<>();
                gas = BigInteger.ZERO;
            }
            bundle.add(kind);
            gas = gas.add(limit);
        }
        bundles.add(sendBundle(from, bundle, false));
        return new SentOperations(from, bundles);
    }

    /** One handleOps; the first operation carries the initCode when the account is not deployed, or always. */
    private SentBundle sendBundle(SmartAccount from, List<Kind> kinds, boolean initCodeAlways) {
        String entryPoint = target.entryPoint();
        BigInteger maxFee = chain.latestBlock().getBaseFeePerGas().multiply(BigInteger.TWO).add(TIP);
        BigInteger nonce = (BigInteger) chain.callValue(entryPoint, StackFunctions.getNonce(from.address()));
        boolean deployed = !chain.code(from.address()).equals("0x");
        List<PackedUserOperation> ops = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            boolean first = i == 0 && (!deployed || initCodeAlways);
            var op = new PackedUserOperation(from.address(), nonce.add(BigInteger.valueOf(i)), first ? initCode(from) : "0x",
                    callData(kinds.get(i)), first ? VERIFICATION_GAS.add(DEPLOYMENT_GAS) : VERIFICATION_GAS,
                    callGas(kinds.get(i)), PRE_VERIFICATION_GAS, TIP, maxFee, "0x");
            byte[] hash = (byte[]) chain.callValue(entryPoint, StackFunctions.getUserOpHash(op));
            ops.add(op.signed(hash, signer, target.version()));
            hashes.add(Numeric.toHexString(hash));
        }
        fund(from, ops.stream().map(PackedUserOperation::maxCost).reduce(BigInteger.ZERO, BigInteger::add));
        TransactionReceipt receipt = chain.send(bundler, entryPoint, StackFunctions.handleOps(ops, bundler.getAddress()));
        EntryPointEvents events = new EntryPointEvents(receipt, entryPoint);
        List<SentBundle.Operation> outcomes = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            outcomes.add(events.operation(kinds.get(i), hashes.get(i), reasons()));
        }
        return new SentBundle(receipt.getTransactionHash(), receipt.getBlockNumber(), receipt.getGasUsed(), outcomes);
    }

    /** Factory address ‖ {@code createAccount(owner, salt)}: what the EntryPoint's SenderCreator calls. */
    private String initCode(SmartAccount account) {
        return target.accountFactory() + Numeric.cleanHexPrefix(FunctionEncoder.encode(
                StackFunctions.account("createAccount", account.owner(), account.salt())));
    }

    private String callData(Kind kind) {
        return FunctionEncoder.encode(switch (kind) {
            case SUCCEED -> StackFunctions.execute(signer.getAddress(), BigInteger.ZERO, "0x");
            case FAIL -> StackFunctions.execute(state.stack().delegationManager(), BigInteger.ZERO,
                    FunctionEncoder.encode(StackFunctions.redeemDelegation(profile.delegations().getFirst(), emptyCall())));
            case HIGH_GAS -> StackFunctions.execute(state.stack().gasBurner(), BigInteger.ZERO, GasBurner.burn(HIGH_GAS_BURN));
        });
    }

    /** ERC-7579 single execution {@code abi.encodePacked(target, value, callData)}: an empty call to the bundler. */
    private String emptyCall() {
        return "0x" + TypeEncoder.encodePacked(new Address(bundler.getAddress())) + TypeEncoder.encodePacked(new Uint256(0));
    }

    /** Tight call gas limits: the EntryPoint charges 10% of what is left unused. */
    private static BigInteger callGas(Kind kind) {
        return BigInteger.valueOf(switch (kind) {
            case SUCCEED -> 50_000;
            case FAIL -> 100_000;
            case HIGH_GAS -> HIGH_GAS_BURN + 50_000;
        });
    }

    /** Tops the account's EntryPoint deposit up, from the bundler, when it cannot prefund the bundle's operations. */
    private void fund(SmartAccount account, BigInteger required) {
        BigInteger deposit = (BigInteger) chain.callValue(target.entryPoint(), StackFunctions.addressArg("balanceOf",
                account.address(), new TypeReference<Uint256>() { }));
        if (deposit.compareTo(required) < 0) {
            chain.send(bundler, target.entryPoint(), FunctionEncoder.encode(Deployment.depositTo(account.address())),
                    required.max(MIN_TOP_UP));
        }
    }

    private RevertReasons reasons() {
        if (reasons == null) {
            reasons = new RevertReasons(DevnetHome.locate());
        }
        return reasons;
    }

    @Override
    public void close() {
        chain.close();
    }
}
