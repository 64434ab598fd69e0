package org.firebreak.devnet;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.firebreak.chain.ChainProfile.Guardian;
import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.firebreak.chain.ChainProfile.WatchedDelegation.Caveat;
import org.firebreak.chain.EntryPointVersion;
import org.firebreak.devnet.DeployedStack.DeployedEntryPoint;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Convert;

/**
 * Deploys the real smart-account stack from the npm artifacts onto a fresh devnet: EntryPoint v0.7,
 * SimpleAccountFactory, a VerifyingPaymaster with an EntryPoint deposit, the DelegationManager owned by the
 * guardian, SimpleFactory, the HybridDeleGator implementation and four caveat enforcers; then three smart
 * accounts, the {@link GasBurner} that high-gas user operations call, the EIP7702StatelessDeleGator with an EIP-7702
 * account delegated to it ({@link DelegatedAccount}), and three signed delegations with expiry and call-limit caveats;
 * last, EntryPoint v0.8 and v0.9 beside v0.7, each with its release's SimpleAccountFactory.
 */
final class Deployment {

    /** Ten times the default paymasterMinDeposit threshold (0.1 ETH). */
    static final BigInteger PAYMASTER_DEPOSIT = Convert.toWei("1", Convert.Unit.ETHER).toBigIntegerExact();
    private static final BigInteger GUARDIAN_FUNDS = Convert.toWei("10", Convert.Unit.ETHER).toBigIntegerExact();

    private static final String P256_LIBRARY = "lib/SCL/src/lib/libSCL_RIP7212.sol:SCL_RIP7212";

    private final DevnetHome home;
    private final DevnetChain chain;
    private final Credentials deployer = DevAccounts.deployer();

    Deployment(DevnetHome home, DevnetChain chain) {
        this.home = home;
        this.chain = chain;
    }

    record Result(DeployedStack stack, List<WatchedDelegation> delegations) {
    }

    Result deploy(Guardian guardian) {
        String entryPoint = deployAccountAbstraction("EntryPoint");
        String factory = deployAccountAbstraction("SimpleAccountFactory", new Address(entryPoint));
        String paymaster = deployAccountAbstraction("VerifyingPaymaster", new Address(entryPoint),
                new Address(DevAccounts.sponsorSigner().getAddress()));
        chain.send(deployer, entryPoint, FunctionEncoder.encode(depositTo(paymaster)), PAYMASTER_DEPOSIT);
        String delegationManager = deployDelegationFramework("DelegationManager", new Address(guardian.address()));
        String simpleFactory = deployDelegationFramework("SimpleFactory");
        // HybridDeleGator verifies P-256 keys through the SCL_RIP7212 library, linked at deployment.
        String p256 = deployDelegationFramework("SCL_RIP7212");
        String hybridDeleGator = chain.deploy(deployer, ContractArtifact.delegationFramework(home, "HybridDeleGator")
                .linked(P256_LIBRARY, p256).creationCode(List.of(new Address(delegationManager), new Address(entryPoint))));
        String timestamp = deployDelegationFramework("TimestampEnforcer");
        String limitedCalls = deployDelegationFramework("LimitedCallsEnforcer");
        String allowedTargets = deployDelegationFramework("AllowedTargetsEnforcer");
        String blockNumber = deployDelegationFramework("BlockNumberEnforcer");
        chain.send(deployer, guardian.address(), "0x", GUARDIAN_FUNDS);
        List<String> accounts = createSmartAccounts(factory);
        String gasBurner = chain.deploy(deployer, GasBurner.CREATION_CODE);
        String deleGator7702 = deployDelegationFramework("EIP7702StatelessDeleGator", new Address(delegationManager),
                new Address(entryPoint));
        String delegatedAccount = new DelegatedAccount(chain, deleGator7702).create();
        // Last, so every address above stays what it was before v0.8 and v0.9 were deployed beside v0.7.
        List<DeployedEntryPoint> later = List.of(deployEntryPoint(EntryPointVersion.V08),
                deployEntryPoint(EntryPointVersion.V09));
        var stack = new DeployedStack(entryPoint, factory, paymaster, delegationManager, simpleFactory, hybridDeleGator,
                timestamp, limitedCalls, allowedTargets, blockNumber, accounts, gasBurner, PAYMASTER_DEPOSIT,
                deleGator7702, delegatedAccount, later);
        return new Result(stack, delegations(stack));
    }

    static Function depositTo(String account) {
        return new Function("depositTo", List.<Type>of(new Address(account)), List.of());
    }

    /** An EntryPoint of that release and its SimpleAccountFactory, from the release's own npm artifacts. */
    private DeployedEntryPoint deployEntryPoint(EntryPointVersion release) {
        String entryPoint = chain.deploy(deployer, ContractArtifact.accountAbstraction(home, release, "EntryPoint")
                .creationCode(List.of()));
        String factory = chain.deploy(deployer, ContractArtifact.accountAbstraction(home, release, "SimpleAccountFactory")
                .creationCode(List.of(new Address(entryPoint))));
        return new DeployedEntryPoint(release, entryPoint, factory);
    }

    private String deployAccountAbstraction(String contract, Type<?>... arguments) {
        return chain.deploy(deployer, ContractArtifact.accountAbstraction(home, contract).creationCode(List.of(arguments)));
    }

    private String deployDelegationFramework(String contract, Type<?>... arguments) {
        return chain.deploy(deployer, ContractArtifact.delegationFramework(home, contract).creationCode(List.of(arguments)));
    }

    private List<String> createSmartAccounts(String factory) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String owner = DevAccounts.smartAccountOwner(i).getAddress();
            chain.send(deployer, factory, StackFunctions.account("createAccount", owner, BigInteger.ZERO));
            accounts.add((String) chain.callValue(factory, StackFunctions.account("getAddress", owner, BigInteger.ZERO)));
        }
        return accounts;
    }

    /**
     * Root delegations from EOA delegators to the smart accounts: one expiring in 3 days (inside the 7-day expiry
     * horizon), one in 30 days, one limited to 5 calls on one target and a block window.
     */
    private List<WatchedDelegation> delegations(DeployedStack stack) {
        long now = chain.latestBlock().getTimestamp().longValueExact();
        BigInteger block = chain.blockNumber();
        List<WatchedDelegation> unsigned = List.of(
                unsigned("expires-in-3-days", 0, stack.smartAccounts().get(0), 1,
                        new Caveat(stack.timestampEnforcer(), org.firebreak.chain.CaveatTerms.encode(0, now + Duration.ofDays(3).toSeconds()), null)),
                unsigned("expires-in-30-days", 1, stack.smartAccounts().get(1), 2,
                        new Caveat(stack.timestampEnforcer(), org.firebreak.chain.CaveatTerms.encode(0, now + Duration.ofDays(30).toSeconds()), null)),
                unsigned("limited-calls", 2, stack.smartAccounts().get(2), 3,
                        new Caveat(stack.allowedTargetsEnforcer(), CaveatTerms.targets(stack.entryPoint()), null),
                        new Caveat(stack.limitedCallsEnforcer(), CaveatTerms.limit(5), null),
                        new Caveat(stack.blockNumberEnforcer(), org.firebreak.chain.CaveatTerms.encode(0, block.longValueExact() + 500_000), null)));
        List<WatchedDelegation> signed = new ArrayList<>();
        for (int i = 0; i < unsigned.size(); i++) {
            signed.add(DelegationTypedData.signed(unsigned.get(i), DevAccounts.delegator(i), DevnetChain.CHAIN_ID,
                    stack.delegationManager()));
        }
        return signed;
    }

    private static WatchedDelegation unsigned(String name, int delegator, String delegate, long salt, Caveat... caveats) {
        return new WatchedDelegation(name, delegate, DevAccounts.delegator(delegator).getAddress(),
                DelegationTypedData.ROOT_AUTHORITY, List.of(caveats), BigInteger.valueOf(salt), null);
    }
}
