package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.firebreak.chain.ChainProfile.EntryPoint;
import org.firebreak.shared.InvalidConfiguration;
import org.firebreak.shared.YamlDocuments;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The chain profile's EntryPoints (the old single key is v0.7; a list names each one's version) and what differs per
 * version when the follower decodes their logs and reverts.
 */
class EntryPointVersionsTest {

    private static final String V07 = "0x0000000071727de22e5e9d8baf0edac6f37da032";
    private static final String V08 = "0x4337084d9e255ff0702461cf8895ce9e3b5ff108";
    private static final String V09 = "0x433709009b8330fda32311df1c2afa402ed8d009";
    private static final String SENDER = "0x" + "ab".repeat(20);
    private static final String FACTORY = "0x" + "cd".repeat(20);
    private static final String HASH = "0x" + "12".repeat(32);

    private static final String REST = """
              accountFactory: { name: Factory, address: "0x0000000000000000000000000000000000000f00" }
              delegationManager: { name: DelegationManager, address: "0xdb9B1e94B5b69Df7e401DDbedE43491141047dB3" }
            """;

    private static ChainProfile profile(String entryPoints) {
        return YamlDocuments.read("chain-profile.yml", new ByteArrayInputStream(("""
                chainId: 138
                rpc: [ { name: primary, url: "http://127.0.0.1:1/", requestsPerMinute: 1200 } ]
                contracts:
                """ + entryPoints + REST).getBytes(StandardCharsets.UTF_8)), ChainProfile.class);
    }

    @Test
    void theOldSingleEntryPointKeyStillLoadsAndMeansVersionZeroSeven() {
        ChainProfile.Contracts contracts = profile("""
                  entryPoint: { name: EntryPoint, address: "0x0000000071727De22E5E9d8BAf0edAc6f37da032" }
                """).contracts();

        assertThat(contracts.entryPoints()).extracting(EntryPoint::version, EntryPoint::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EntryPointVersion.V07, "EntryPoint"));
        assertThat(contracts.entryPoint().address()).isEqualToIgnoringCase(V07);
        assertThat(contracts.entryPointVersion(V07.toUpperCase().replace("0X", "0x"))).isEqualTo(EntryPointVersion.V07);
        assertThat(contracts.entryPointVersion(SENDER)).isNull();
    }

    @Test
    void aListNamesEachEntryPointsVersionAndTheFirstServesTheFactory() {
        ChainProfile.Contracts contracts = profile("""
                  entryPoints:
                    - { address: "%s", version: v0.8 }
                    - { address: "%s", version: "0.9" }
                    - { address: "%s", version: V07 }
                """.formatted(V08, V09, V07)).contracts();

        assertThat(contracts.entryPoints()).extracting(EntryPoint::version)
                .containsExactly(EntryPointVersion.V08, EntryPointVersion.V09, EntryPointVersion.V07);
        assertThat(contracts.entryPoints()).extracting(EntryPoint::name)
                .containsExactly("EntryPoint v0.8", "EntryPoint v0.9", "EntryPoint v0.7");
        assertThat(contracts.entryPoint().address()).isEqualTo(V08);
        assertThat(contracts.entryPointVersion(V09)).isEqualTo(EntryPointVersion.V09);
    }

    @Test
    void theSingleKeyBesideAListIsAddedAsVersionZeroSevenUnlessListed() {
        ChainProfile.Contracts added = profile("""
                  entryPoint: { name: EntryPoint, address: "%s" }
                  entryPoints: [ { address: "%s", version: v0.9 } ]
                """.formatted(V07, V09)).contracts();
        ChainProfile.Contracts listed = profile("""
                  entryPoint: { name: EntryPoint, address: "%s" }
                  entryPoints: [ { address: "%s", version: v0.9 }, { address: "%s", version: v0.7 } ]
                """.formatted(V07, V09, V07)).contracts();

        assertThat(added.entryPoints()).extracting(EntryPoint::version)
                .containsExactly(EntryPointVersion.V07, EntryPointVersion.V09);
        assertThat(listed.entryPoints()).hasSize(2);
        assertThat(added.entryPoint().address()).isEqualTo(V07);
    }

    @Test
    void anUnknownVersionADuplicateOrNoEntryPointIsNamedByItsPlace() {
        assertThatThrownBy(() -> profile("""
                  entryPoints: [ { address: "%s", version: v0.6 } ]
                """.formatted(V07)))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("version").hasMessageContaining("v0.7, v0.8 or v0.9, got 'v0.6'");
        assertThatThrownBy(() -> profile("""
                  entryPoints: [ { address: "%s", version: v0.8 }, { address: "%s", version: v0.9 } ]
                """.formatted(V08, V08.toUpperCase().replace("0X", "0x"))))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining("entryPoints[1]").hasMessageContaining("twice");
        assertThatThrownBy(() -> profile(""))
                .isInstanceOf(InvalidConfiguration.class).hasMessageContaining("needs at least one EntryPoint");
    }

    @Test
    void anEntryPointsEventsNameItAndItsVersion() {
        Log log = log(V08, "0x49628fd1471006c1482da88028e9ce4dbb080b815c9b0344d39e5a8e6ec1419f",
                List.of(HASH, word(SENDER), word(FACTORY)), new Uint256(7), new Bool(false), new Uint256(100),
                new Uint256(612_345));

        assertThat(StackEvents.decode(log, EntryPointVersion.V08).orElseThrow().fields())
                .containsEntry("success", "false").containsEntry("entryPoint", V08)
                .containsEntry("entryPointVersion", "v0.8");
        assertThat(StackEvents.decode(log).orElseThrow().fields()).doesNotContainKey("entryPointVersion");
    }

    @Test
    void ignoredInitCodeIsDecodedFromVersionZeroNineOnly() {
        String topic = StackAbi.topic("IgnoredInitCode(bytes32,address,address)");
        Log log = log(V09, topic, List.of(HASH, word(SENDER)), new Address(FACTORY));

        assertThat(StackEvents.decode(log, EntryPointVersion.V09)).get().satisfies(d -> {
            assertThat(d.name()).isEqualTo("IgnoredInitCode");
            assertThat(d.fields()).containsEntry("sender", SENDER).containsEntry("unusedFactory", FACTORY)
                    .containsEntry("entryPointVersion", "v0.9");
        });
        assertThat(StackEvents.decode(log, EntryPointVersion.V07)).as("v0.7 emits no such event").isEmpty();
        assertThat(StackEvents.decode(log, null)).as("nor does a contract that is no EntryPoint").isEmpty();
        assertThat(StackEvents.topics()).contains(topic);
    }

    @Test
    void aFailedOpNamesTheOperationItsAaCodeAndWhereTheFaultIs() {
        String failedOp = StackAbi.FAILED_OP + FunctionEncoder.encodeConstructor(List.<Type>of(new Uint256(2),
                new Utf8String("AA24 signature error")));
        String withRevert = StackAbi.FAILED_OP_WITH_REVERT + FunctionEncoder.encodeConstructor(List.<Type>of(
                new Uint256(0), new Utf8String("AA23 reverted"),
                new DynamicBytes(Numeric.hexStringToByteArray(StackAbi.selector("EnforcedPause()")))));

        assertThat(StackAbi.revertReason(null, failedOp, EntryPointVersion.V08))
                .isEqualTo("FailedOp: op 2 AA24 signature error (account or delegation)");
        assertThat(StackAbi.revertReason(null, withRevert, EntryPointVersion.V07))
                .isEqualTo("FailedOp: op 0 AA23 reverted (account or delegation): EnforcedPause: the contract is paused");
        assertThat(StackAbi.FAILED_OP).isEqualTo("0x220266b6");
        assertThat(StackAbi.FAILED_OP_WITH_REVERT).isEqualTo("0x65c8fd4d");
    }

    @Test
    void versionsAreReadInEveryUsualSpellingAndCarryTheirFacts() {
        assertThat(List.of("v0.8", "0.8", "V08", "0.8.0", " v0.8 ")).allSatisfy(
                text -> assertThat(EntryPointVersion.of(text)).isEqualTo(EntryPointVersion.V08));
        assertThat(EntryPointVersion.V07.needsTransientStorage()).isFalse();
        assertThat(EntryPointVersion.V08.needsTransientStorage()).isTrue();
        assertThat(EntryPointVersion.V07.eip712UserOpHash()).isFalse();
        assertThat(EntryPointVersion.V09.eip712UserOpHash()).isTrue();
        assertThat(EntryPointVersion.V09.acceptsEip7702Accounts()).isTrue();
        assertThat(EntryPointVersion.V09.label()).isEqualTo("v0.9");
        assertThat(EntryPointVersion.V07.knows("AA10")).isTrue();
        assertThat(EntryPointVersion.V09.knows("AA10")).as("v0.9 ignores initCode of a deployed account").isFalse();
        assertThat(EntryPointVersion.V09.aaCode("AA27 outside valid block range"))
                .isEqualTo("AA27 outside valid block range (account or delegation)");
        assertThat(EntryPointVersion.V07.aaCode("AA27 outside valid block range")).as("unknown to v0.7: as given")
                .isEqualTo("AA27 outside valid block range");
        assertThat(EntryPointVersion.V08.knows("AA99")).isTrue();
        assertThat(EntryPointVersion.V07.knows("AA99")).isFalse();
    }

    private static String word(String address) {
        return "0x" + "0".repeat(24) + address.substring(2);
    }

    private static Log log(String address, String topic0, List<String> indexed, Type<?>... data) {
        Log log = new Log();
        log.setAddress(address);
        log.setTopics(java.util.stream.Stream.concat(java.util.stream.Stream.of(topic0), indexed.stream()).toList());
        log.setData("0x" + FunctionEncoder.encodeConstructor(List.of(data)));
        return log;
    }
}
