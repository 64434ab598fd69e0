package org.firebreak.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.firebreak.chain.ChainProfile;
import org.firebreak.chain.ChainProfile.ContractRef;
import org.firebreak.chain.ChainProfile.WatchedDelegation;
import org.firebreak.shared.YamlDocuments;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** The shared devnet, as deployed: real contracts, a profile that describes them, signed delegations. */
@Tag("integration")
class DevnetDeploymentTests {

    private static Devnet devnet;
    private static ChainProfile profile;
    private static DevnetChain chain;

    @BeforeAll
    static void startDevnet() {
        devnet = TestDevnet.shared();
        profile = devnet.profile();
        chain = new DevnetChain(devnet.state().anvilUrl());
    }

    @AfterAll
    static void closeClient() {
        chain.close();
    }

    private static List<ContractRef> contracts() {
        var c = profile.contracts();
        List<ContractRef> all = new ArrayList<>(List.of(c.entryPoint(), c.accountFactory(), c.paymaster(), c.delegationManager()));
        all.addAll(c.enforcers());
        return all;
    }

    @Test
    void chainIdIs138OnBothEndpoints() {
        assertThat(profile.chainId()).isEqualTo(138);
        assertThat(profile.rpc()).extracting(ChainProfile.RpcEndpoint::name).containsExactly("primary", "secondary");
        for (var endpoint : profile.rpc()) {
            try (DevnetChain viaEndpoint = new DevnetChain(endpoint.url().toString())) {
                assertThat(viaEndpoint.anvil("eth_chainId")).isEqualTo("0x8a");
            }
        }
    }

    @Test
    void everyDeployedContractHasCode() {
        DeployedStack stack = devnet.state().stack();
        List<String> addresses = new ArrayList<>(List.of(stack.entryPoint(), stack.accountFactory(), stack.paymaster(),
                stack.delegationManager(), stack.simpleFactory(), stack.hybridDeleGator(), stack.timestampEnforcer(),
                stack.limitedCallsEnforcer(), stack.allowedTargetsEnforcer(), stack.blockNumberEnforcer()));
        addresses.addAll(stack.smartAccounts());
        stack.laterEntryPoints().forEach(e -> addresses.addAll(List.of(e.entryPoint(), e.accountFactory())));
        assertThat(stack.smartAccounts()).hasSize(3);
        assertThat(stack.entryPoints()).extracting(DeployedStack.DeployedEntryPoint::version).containsExactly(
                org.firebreak.chain.EntryPointVersion.V07, org.firebreak.chain.EntryPointVersion.V08,
                org.firebreak.chain.EntryPointVersion.V09);
        assertThat(addresses).doesNotHaveDuplicates().allSatisfy(a -> assertThat(chain.code(a)).hasSizeGreaterThan(100));
    }

    @Test
    void theProfileListsTheThreeEntryPointsWithTheirVersionsAndCodeHashes() {
        assertThat(profile.contracts().entryPoints()).extracting(e -> e.address().toLowerCase(),
                e -> e.version().label()).containsExactlyElementsOf(devnet.state().stack().entryPoints().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.entryPoint().toLowerCase(), e.version().label()))
                        .toList());
        assertThat(profile.contracts().entryPoints()).allSatisfy(e -> assertThat(e.codeHash()).isEqualTo(
                Numeric.toHexString(org.web3j.crypto.Hash.sha3(Numeric.hexStringToByteArray(chain.code(e.address()))))));
        assertThat(profile.contracts().entryPoint().address()).as("v0.7 serves the factory and paymaster")
                .isEqualTo(devnet.state().stack().entryPoint());
    }

    @Test
    void theGasBurnerRunsTheEighteenBytesItsClassDocuments() {
        assertThat(chain.code(devnet.state().stack().gasBurner())).isEqualTo(GasBurner.RUNTIME).hasSize(2 + 2 * 18);
    }

    @Test
    void profileCodeHashesAreTheKeccakOfTheDeployedCode() {
        assertThat(contracts()).hasSize(8).allSatisfy(ref -> assertThat(ref.codeHash())
                .isEqualTo(Numeric.toHexString(org.web3j.crypto.Hash.sha3(Numeric.hexStringToByteArray(chain.code(ref.address()))))));
    }

    @Test
    void profileFileReadsBackThroughTheSharedLoader() {
        ChainProfile read = YamlDocuments.read(devnet.profilePath(), ChainProfile.class);
        assertThat(read).isEqualTo(profile);
        assertThat(read.blockTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(read.contracts().pausable()).containsExactly(read.contracts().delegationManager());
        assertThat(read.guardian().keystore()).exists();
        assertThat(read.thresholds().paymasterMinDeposit()).isEqualTo(new BigInteger("100000000000000000"));
    }

    @Test
    void guardianOwnsTheDelegationManagerAndIsFunded() {
        String owner = (String) chain.callValue(profile.contracts().delegationManager().address(),
                StackFunctions.view("owner", new TypeReference<Address>() { }));
        assertThat(owner).isEqualToIgnoringCase(profile.guardian().address());
        assertThat(chain.balance(owner)).isGreaterThan(BigInteger.TEN.pow(18));
        assertThat(GuardianKey.load(profile.guardian()).getAddress()).isEqualToIgnoringCase(owner);
    }

    @Test
    void paymasterDepositIsWellAboveTheThreshold() {
        try (DevnetFaults faults = new DevnetFaults(devnet.state(), profile)) {
            assertThat(faults.deposit()).isGreaterThanOrEqualTo(profile.thresholds().paymasterMinDeposit().multiply(BigInteger.TEN));
        }
    }

    @Test
    void delegationHashAndDomainMatchTheDelegationManager() {
        String manager = profile.contracts().delegationManager().address();
        assertThat(profile.delegations()).hasSize(3);
        for (WatchedDelegation d : profile.delegations()) {
            DelegationTypedData typed = DelegationTypedData.of(d, 138, manager);
            byte[] onChain = (byte[]) chain.callValue(manager, StackFunctions.getDelegationHash(d));
            assertThat(Numeric.toHexString(typed.delegationHash())).as(d.name()).isEqualTo(Numeric.toHexString(onChain));
            byte[] domain = (byte[]) chain.callValue(manager, StackFunctions.getDomainHash());
            assertThat(typed.domainHash()).isEqualTo(domain);
        }
    }

    @Test
    void delegationsAreSignedByTheirDelegators() throws Exception {
        String manager = profile.contracts().delegationManager().address();
        for (WatchedDelegation d : profile.delegations()) {
            byte[] sig = Numeric.hexStringToByteArray(d.signature());
            var data = new Sign.SignatureData(sig[64], java.util.Arrays.copyOfRange(sig, 0, 32), java.util.Arrays.copyOfRange(sig, 32, 64));
            BigInteger key = Sign.signedMessageHashToKey(DelegationTypedData.of(d, 138, manager).digest(), data);
            assertThat("0x" + Keys.getAddress(key)).as(d.name()).isEqualToIgnoringCase(d.delegator());
            assertThat(d.authority()).isEqualTo("0x" + "f".repeat(64));
        }
    }

    @Test
    void oneDelegationExpiresWithinTheSevenDayHorizonAndOneBeyondIt() {
        long now = chain.latestBlock().getTimestamp().longValueExact();
        String timestampEnforcer = devnet.state().stack().timestampEnforcer();
        List<Long> expiries = profile.delegations().stream().flatMap(d -> d.caveats().stream())
                .filter(c -> c.enforcer().equalsIgnoreCase(timestampEnforcer))
                .map(c -> new BigInteger(c.terms().substring(34), 16).longValueExact()).toList();
        long horizon = profile.thresholds().expiryHorizon().toSeconds();
        assertThat(expiries).anySatisfy(before -> assertThat(before - now).isPositive().isLessThan(horizon))
                .anySatisfy(before -> assertThat(before - now).isGreaterThan(Duration.ofDays(29).toSeconds()));
        assertThat(profile.delegations()).anySatisfy(d -> assertThat(d.caveats())
                .anySatisfy(c -> assertThat(c.enforcer()).isEqualToIgnoringCase(devnet.state().stack().limitedCallsEnforcer())));
    }

    @Test
    void chainAdvancesOnItsOwnAtTheBlockTime() {
        BigInteger before = chain.blockNumber();
        DevnetChain.pause(Duration.ofMillis(2_500));
        assertThat(chain.blockNumber()).isGreaterThan(before);
    }
}
