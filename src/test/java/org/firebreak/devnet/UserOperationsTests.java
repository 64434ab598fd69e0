package org.firebreak.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import org.firebreak.devnet.UserOperations.Kind;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * User operations sent through the devnet's real EntryPoint: the receipts' own logs, read from anvil and decoded here
 * with web3j (events whose topics are checked against the on-chain reference), show what each kind of operation did.
 */
@Tag("integration")
class UserOperationsTests {

    private static final Event USER_OPERATION_EVENT = EntryPointEvents.USER_OPERATION_EVENT;
    private static final Event ACCOUNT_DEPLOYED = EntryPointEvents.ACCOUNT_DEPLOYED;
    private static final Event REVERT_REASON = EntryPointEvents.USER_OPERATION_REVERT_REASON;

    private static Devnet devnet;
    private static UserOperations userOperations;
    private static Web3j anvil;

    @BeforeAll
    static void startDevnet() {
        devnet = TestDevnet.shared();
        userOperations = devnet.userOperations();
        anvil = Web3j.build(new HttpService(devnet.state().anvilUrl()));
    }

    @AfterEach
    void clearFaults() {
        TestDevnet.faults().clear();
    }

    @AfterAll
    static void closeClient() {
        anvil.shutdown();
    }

    private static String entryPoint() {
        return devnet.state().stack().entryPoint();
    }

    private static List<Log> logs(SentBundle bundle, Event event) throws Exception {
        TransactionReceipt receipt = anvil.ethGetTransactionReceipt(bundle.txHash()).send().getTransactionReceipt().orElseThrow();
        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(receipt.getBlockNumber()).isEqualTo(bundle.blockNumber());
        return receipt.getLogs().stream().filter(l -> l.getAddress().equalsIgnoreCase(entryPoint()))
                .filter(l -> l.getTopics().getFirst().equals(EventEncoder.encode(event))).toList();
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static List<Type> data(Log log, Event event) {
        return FunctionReturnDecoder.decode(log.getData(), (List) event.getNonIndexedParameters());
    }

    @Test
    void eventTopicsAreTheEntryPointsAsTheOnChainReferenceGivesThem() {
        assertThat(EventEncoder.encode(USER_OPERATION_EVENT))
                .isEqualTo("0x49628fd1471006c1482da88028e9ce4dbb080b815c9b0344d39e5a8e6ec1419f");
        assertThat(EventEncoder.encode(ACCOUNT_DEPLOYED))
                .isEqualTo("0xd51a9c61267aa6196961883ecf5ff2da6619c37dac0fa92122513fb32c032d2d");
        assertThat(EventEncoder.encode(REVERT_REASON))
                .isEqualTo("0x1c4fada7374c0a9ee8841fc38afe82932dc0f8e69012e927f061a8bae611a201");
    }

    @Test
    void theFirstOperationOfANewAccountDeploysItAndSucceeds() throws Exception {
        UserOperations.SmartAccount account = userOperations.newAccount();
        assertThat(anvil.ethGetCode(account.address(), org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send()
                .getCode()).isEqualTo("0x");

        SentOperations sent = userOperations.send(account, 2, 0, 0);

        assertThat(sent.bundles()).hasSize(1);
        SentBundle bundle = sent.bundles().getFirst();
        List<Log> events = logs(bundle, USER_OPERATION_EVENT);
        assertThat(events).hasSize(2).allSatisfy(log -> {
            assertThat(log.getTopics().get(2)).isEqualTo(Numeric.toHexStringWithPrefixZeroPadded(
                    Numeric.toBigInt(account.address()), 64));
            assertThat((Boolean) data(log, USER_OPERATION_EVENT).get(1).getValue()).isTrue();
        });
        List<Log> deployed = logs(bundle, ACCOUNT_DEPLOYED);
        assertThat(deployed).singleElement().satisfies(log -> {
            assertThat(log.getTopics().get(1)).isEqualTo(events.getFirst().getTopics().get(1));
            assertThat((String) data(log, ACCOUNT_DEPLOYED).get(0).getValue())
                    .isEqualToIgnoringCase(devnet.state().stack().accountFactory());
        });
        assertThat(sent.operations()).extracting(SentBundle.Operation::success).containsExactly(true, true);
        assertThat(sent.operations()).extracting(SentBundle.Operation::accountDeployed).containsExactly(true, false);
        assertThat(sent.operations()).extracting(SentBundle.Operation::nonce).containsExactly(BigInteger.ZERO, BigInteger.ONE);
        assertThat(userOperations.newAccount().address()).isNotEqualTo(account.address());
    }

    @Test
    void aFailingOperationPassesValidationAndItsCallRevertsWithAReason() throws Exception {
        SentOperations sent = userOperations.sendFailing(1);

        SentBundle bundle = sent.bundles().getFirst();
        assertThat(logs(bundle, USER_OPERATION_EVENT)).singleElement()
                .satisfies(log -> assertThat((Boolean) data(log, USER_OPERATION_EVENT).get(1).getValue()).isFalse());
        assertThat(logs(bundle, REVERT_REASON)).singleElement().satisfies(log -> {
            byte[] reason = (byte[]) data(log, REVERT_REASON).get(1).getValue();
            assertThat(Numeric.toHexString(reason)).isEqualTo(selector("InvalidDelegate()"));
        });
        assertThat(sent.operations()).singleElement().satisfies(op -> {
            assertThat(op.kind()).isEqualTo(Kind.FAIL);
            assertThat(op.success()).isFalse();
            assertThat(op.revertReason()).isEqualTo("InvalidDelegate()");
            assertThat(op.actualGasUsed()).isLessThan(BigInteger.valueOf(500_000));
        });
    }

    @Test
    void whileTheDelegationManagerIsPausedAFailingOperationRevertsEnforcedPause() {
        TestDevnet.faults().inject(Fault.PAUSE_DELEGATION_MANAGER);
        assertThat(userOperations.sendFailing(1).operations()).singleElement()
                .satisfies(op -> assertThat(op.revertReason()).isEqualTo("EnforcedPause()"));
    }

    @Test
    void aHighGasOperationUsesMoreThanFiveHundredThousandGas() throws Exception {
        SentOperations sent = userOperations.sendHighGas(1);

        assertThat(logs(sent.bundles().getFirst(), USER_OPERATION_EVENT)).singleElement().satisfies(log -> {
            List<Type> data = data(log, USER_OPERATION_EVENT);
            assertThat((Boolean) data.get(1).getValue()).isTrue();
            assertThat((BigInteger) data.get(3).getValue()).isGreaterThan(BigInteger.valueOf(500_000));
        });
        assertThat(sent.operations().getFirst().actualGasUsed()).isGreaterThan(BigInteger.valueOf(500_000));
    }

    @Test
    void elevenFailingOperationsLandInOneBundle() throws Exception {
        SentOperations sent = userOperations.sendFailing(11);

        assertThat(sent.bundles()).singleElement().satisfies(bundle -> assertThat(logs(bundle, USER_OPERATION_EVENT))
                .hasSize(11).allSatisfy(log -> assertThat((Boolean) data(log, USER_OPERATION_EVENT).get(1).getValue()).isFalse()));
    }

    @Test
    void mixedKindsGoOutInTheAskedOrderAndOrdinaryOperationsStayUnderTheGasRule() {
        SentOperations sent = userOperations.send(userOperations.account(), 1, 1, 1);
        assertThat(sent.operations()).extracting(SentBundle.Operation::kind).containsExactly(Kind.SUCCEED, Kind.FAIL, Kind.HIGH_GAS);
        assertThat(sent.operations()).extracting(SentBundle.Operation::success).containsExactly(true, false, true);
        assertThat(sent.operations().subList(0, 2)).allSatisfy(op -> assertThat(op.actualGasUsed()).isLessThan(BigInteger.valueOf(500_000)));
    }

    @Test
    void nothingOrANegativeCountIsRefusedAndStoppedBlocksAreRefusedInWords() {
        assertThatThrownBy(() -> userOperations.send(userOperations.account(), 0, 0, 0)).hasMessageContaining("at least one");
        assertThatThrownBy(() -> userOperations.sendFailing(-1)).hasMessageContaining("negative");
        TestDevnet.faults().inject(Fault.STOP_BLOCKS);
        assertThatThrownBy(() -> userOperations.sendSucceeding(1)).isInstanceOf(DevnetFailure.class)
                .hasMessageContaining("blocks are stopped");
    }

    private static String selector(String signature) {
        return org.web3j.crypto.Hash.sha3String(signature).substring(0, 10);
    }
}
