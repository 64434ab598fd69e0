package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The follower's event definitions give the topics onchain.md lists, and decode logs laid out as the contracts emit
 * them (the devnet tests decode the real contracts' logs; a UserOperationEvent needs a bundler, so it is built here).
 */
class StackEventsTest {

    private static final String SENDER = "0x" + "ab".repeat(20);
    private static final String PAYMASTER = "0x" + "cd".repeat(20);
    private static final String HASH = "0x" + "12".repeat(32);

    @Test
    void topicsAreTheOnesTheContractsEmit() {
        Map<String, String> expected = Map.of(
                "UserOperationEvent", "0x49628fd1471006c1482da88028e9ce4dbb080b815c9b0344d39e5a8e6ec1419f",
                "AccountDeployed", "0xd51a9c61267aa6196961883ecf5ff2da6619c37dac0fa92122513fb32c032d2d",
                "UserOperationRevertReason", "0x1c4fada7374c0a9ee8841fc38afe82932dc0f8e69012e927f061a8bae611a201",
                "Deposited", "0x2da466a7b24304f47e87fa2e1e5a81b9831ce54fec19055ce277ca2f39ba42c4",
                "Withdrawn", "0xd1c19fbcd4551a5edfb66d43d2e337c04837afda3482b42bdf569a8fccdae5fb",
                "RedeemedDelegation", "0x40dadaa36c6c2e3d7317e24757451ffb2d603d875f0ad5e92c5dd156573b1873",
                "DisabledDelegation", "0xea589ba9473ee1fe77d352c7ed919747715a5d22931b972de9b02a907c66d5dd",
                "EnabledDelegation", "0x3feadce88fc1b49db633a56fd5307ed6ee18734df83bcc4011daa720c9cd95f1",
                "Paused", "0x62e78cea01bee320cd4e420270b5ea74000d11b0c9f74754ebdbfc544b05a258",
                "OwnershipTransferStarted", "0x38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e22700");
        expected.forEach((name, topic) -> assertThat(StackEvents.ALL.stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow().topic()).as(name).isEqualTo(topic));
        assertThat(StackEvents.REDEEM_DELEGATIONS).isEqualTo("0xcef6d209");
    }

    @Test
    void userOperationEventDecodesEveryField() {
        Log log = log("0x49628fd1471006c1482da88028e9ce4dbb080b815c9b0344d39e5a8e6ec1419f",
                List.of(HASH, word(SENDER), word(PAYMASTER)),
                new Uint256(7), new Bool(false), new Uint256(new BigInteger("123456789000")), new Uint256(612_345));

        StackEvents.Decoded decoded = StackEvents.decode(log).orElseThrow();

        assertThat(decoded.name()).isEqualTo("UserOperationEvent");
        assertThat(decoded.fields()).containsExactly(Map.entry("userOpHash", HASH), Map.entry("sender", SENDER),
                Map.entry("paymaster", PAYMASTER), Map.entry("nonce", "7"), Map.entry("success", "false"),
                Map.entry("actualGasCost", "123456789000"), Map.entry("actualGasUsed", "612345"));
    }

    @Test
    void aRevertReasonIsKeptAsBytesAndNamedWhenKnown() {
        Log log = log("0x1c4fada7374c0a9ee8841fc38afe82932dc0f8e69012e927f061a8bae611a201",
                List.of(HASH, word(SENDER)), new Uint256(1),
                new DynamicBytes(Numeric.hexStringToByteArray(StackAbi.selector("CannotUseADisabledDelegation()"))));

        assertThat(StackEvents.decode(log).orElseThrow().fields())
                .containsEntry("revertReason", "0x05baa052")
                .containsEntry("reason", "CannotUseADisabledDelegation: the delegation is disabled");
    }

    @Test
    void aDelegationStructIsFlattened() {
        var caveat = new StackEvents.CaveatStruct(new Address(PAYMASTER), new DynamicBytes(new byte[32]),
                new DynamicBytes(new byte[0]));
        var delegation = new StackEvents.DelegationStruct(new Address(SENDER), new Address(PAYMASTER),
                new Bytes32(Numeric.hexStringToByteArray(StackAbi.ROOT_AUTHORITY)),
                new DynamicArray<>(StackEvents.CaveatStruct.class, List.of(caveat)), new Uint256(42),
                new DynamicBytes(new byte[65]));
        Log log = log("0x40dadaa36c6c2e3d7317e24757451ffb2d603d875f0ad5e92c5dd156573b1873",
                List.of(word(PAYMASTER), word(SENDER)), delegation);

        assertThat(StackEvents.decode(log).orElseThrow().fields()).containsExactly(
                Map.entry("rootDelegator", PAYMASTER), Map.entry("redeemer", SENDER),
                Map.entry("delegation.delegate", SENDER), Map.entry("delegation.delegator", PAYMASTER),
                Map.entry("delegation.authority", StackAbi.ROOT_AUTHORITY), Map.entry("delegation.caveats", "1"),
                Map.entry("delegation.enforcers", PAYMASTER), Map.entry("delegation.salt", "42"));
    }

    @Test
    void aLogOfAnotherEventIsNotDecoded() {
        assertThat(StackEvents.decode(log(StackAbi.topic("Transfer(address,address,uint256)"), List.of()))).isEmpty();
    }

    @Test
    void proxyUpgradesAndAdminChangesDecodeWithTheirAddresses() {
        String upgraded = "0xbc7cd75a20ee27fd9adebab32041f755214dbc6bffa90cc0225b39da2e5c2d3b";
        String adminChanged = "0x7e644d79422f17c01e4894b5f4f588d331ebfa28653d42ae832dc59e38c9798f";

        StackEvents.Decoded upgrade = StackEvents.decode(log(upgraded, List.of(word(SENDER)))).orElseThrow();
        StackEvents.Decoded admin = StackEvents.decode(log(adminChanged, List.of(), new Address(SENDER),
                new Address(PAYMASTER))).orElseThrow();

        assertThat(upgrade.name()).isEqualTo("Upgraded");
        assertThat(upgrade.fields()).containsExactly(Map.entry("implementation", SENDER));
        assertThat(admin.name()).isEqualTo("AdminChanged");
        assertThat(admin.fields()).containsExactly(Map.entry("previousAdmin", SENDER), Map.entry("newAdmin", PAYMASTER));
        assertThat(StackEvents.topics()).contains(upgraded, adminChanged);
    }

    @Test
    void theFixedOffsetDecoderReadsWhatWeb3jsGenericDecoderReads() throws Exception {
        java.util.Random random = new java.util.Random(13);
        int checked = 0;
        for (StackEvents.Spec spec : StackEvents.ALL) {
            for (int round = 0; round < 20; round++) {
                List<String> topics = new java.util.ArrayList<>(List.of(spec.topic()));
                List<Type> data = new java.util.ArrayList<>();
                boolean struct = false;
                for (var parameter : spec.event().getParameters()) {
                    Type<?> value = sample(parameter.getClassType(), random);
                    if (value == null) {
                        struct = true;
                        break;
                    }
                    if (parameter.isIndexed()) {
                        topics.add("0x" + org.web3j.abi.TypeEncoder.encode(value));
                    } else {
                        data.add(value);
                    }
                }
                if (struct) {
                    assertThat(spec.name()).endsWith("Delegation");
                    break;
                }
                Log log = new Log();
                log.setTopics(topics);
                log.setData("0x" + FunctionEncoder.encodeConstructor(data));
                assertThat(StackEvents.words(spec, log)).as(spec.name()).isNotNull()
                        .isEqualTo(StackEvents.generic(spec, log));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(20 * (StackEvents.ALL.size() - 3));
    }

    @Test
    void aTruncatedLogIsLeftToTheGenericDecoder() {
        StackEvents.Spec revert = StackEvents.ALL.stream().filter(s -> s.name().equals("UserOperationRevertReason"))
                .findFirst().orElseThrow();
        Log log = log(revert.topic(), List.of(HASH, word(SENDER)), new Uint256(1), new DynamicBytes(new byte[40]));
        log.setData(log.getData().substring(0, log.getData().length() - 64));

        assertThat(StackEvents.words(revert, log)).isNull();
    }

    private static Type<?> sample(Class<?> type, java.util.Random random) {
        if (type == Address.class) {
            return new Address(new BigInteger(160, random));
        }
        if (type == Uint256.class) {
            return new Uint256(new BigInteger(random.nextInt(1, 257), random));
        }
        if (type == Bool.class) {
            return new Bool(random.nextBoolean());
        }
        if (type == Bytes32.class) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return new Bytes32(bytes);
        }
        if (type == DynamicBytes.class) {
            byte[] bytes = new byte[random.nextInt(0, 200)];
            random.nextBytes(bytes);
            return new DynamicBytes(bytes);
        }
        return null;
    }

    private static String word(String address) {
        return "0x" + "0".repeat(24) + address.substring(2);
    }

    private static Log log(String topic0, List<String> indexed, Type<?>... data) {
        Log log = new Log();
        log.setTopics(java.util.stream.Stream.concat(java.util.stream.Stream.of(topic0), indexed.stream()).toList());
        log.setData("0x" + FunctionEncoder.encodeConstructor(List.of(data)));
        return log;
    }
}
