package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firebreak.chain.DevnetActions.devnetProfile;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.firebreak.chain.ChainProfile.ContractRef;
import org.firebreak.chain.ChainProfile.Guardian;
import org.firebreak.playbook.StepOutcome;
import org.firebreak.playbook.StepOutcome.Result;
import org.firebreak.support.TestDevnet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * The pause and unpause actions against the real devnet, wired as in the application, with the profile changed
 * where a test needs a broken guardian, an odd contract or a dead endpoint. Every test leaves the DelegationManager
 * unpaused, and none lets the guardian's key or password into an outcome or the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("integration")
class PauseActionTests {

    /** Answers paused() with false and reverts everything else with OwnableUnauthorizedAccount (0x118cdaa7). */
    private static final String REFUSING_CODE = "0x600035" + "60e01c" + "635c975abb" + "14" + "601f" + "57"
            + "63118cdaa7" + "60e01b" + "600052" + "6004" + "6000" + "fd" + "5b" + "6020" + "6000" + "f3";
    private static final String SPARE_ADDRESS = "0x00000000000000000000000000000000d1211001";
    private static final String EMPTY_ADDRESS = "0x0000000000000000000000000000000000c0ffee";

    @RegisterExtension
    static final DevnetProbe chain = DevnetProbe.anvil();
    private static final String manager = DevnetProbe.delegationManager();
    private static final String guardian = DevnetProbe.guardian();

    @TempDir
    Path dir;

    private static void assertNoSecretIn(StepOutcome outcome, CapturedOutput output) throws Exception {
        DevnetProbe.assertNoSecretIn(outcome.summary(), outcome.evidence().toString(), output.getAll());
    }

    @Test
    void pauseSendsOneVerifiedTransactionAndUnpauseTheMatchingOne(CapturedOutput output) throws Exception {
        DevnetActions actions = devnetProfile().writeTo(dir);
        BigInteger nonce = chain.nonce(guardian);

        StepOutcome paused = actions.pause();

        Map<String, String> evidence = paused.evidence();
        assertThat(paused.result()).isEqualTo(Result.OK);
        assertThat(paused.summary()).isEqualTo("Paused DelegationManager " + manager + " in tx "
                + evidence.get("txHash") + " (block " + evidence.get("DelegationManager.block") + ")");
        assertThat(evidence).containsEntry("DelegationManager.address", manager)
                .containsEntry("DelegationManager.pausedBefore", "false")
                .containsEntry("DelegationManager.pausedAfter", "true")
                .containsEntry("DelegationManager.txHash", evidence.get("txHash"))
                .containsKeys("DelegationManager.gasUsed", "DelegationManager.nonce", "elapsedMs");
        var receipt = chain.receipt(evidence.get("txHash"));
        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(receipt.getFrom()).isEqualToIgnoringCase(guardian);
        assertThat(receipt.getTo()).isEqualToIgnoringCase(manager);
        assertThat(chain.paused(manager, DefaultBlockParameter.valueOf(receipt.getBlockNumber()))).isTrue();
        assertThat(chain.nonce(guardian)).isEqualTo(nonce.add(BigInteger.ONE));

        StepOutcome unpaused = actions.unpause();

        assertThat(unpaused.result()).isEqualTo(Result.OK);
        assertThat(unpaused.summary()).startsWith("Unpaused DelegationManager " + manager + " in tx 0x");
        assertThat(chain.paused(manager)).isFalse();
        assertThat(chain.nonce(guardian)).isEqualTo(nonce.add(BigInteger.TWO));
        assertNoSecretIn(paused, output);
        assertNoSecretIn(unpaused, output);
    }

    @Test
    void unpausingWhatIsNotPausedSendsNothing() throws Exception {
        BigInteger nonce = chain.nonce(guardian);

        StepOutcome outcome = devnetProfile().writeTo(dir).unpause();

        assertThat(outcome.result()).isEqualTo(Result.OK);
        assertThat(outcome.summary()).isEqualTo("DelegationManager " + manager + " was not paused: no transaction sent");
        assertThat(outcome.evidence()).doesNotContainKey("txHash");
        assertThat(chain.nonce(guardian)).isEqualTo(nonce);
    }

    @Test
    void withoutAGuardianItSaysSoAndSendsNothing() throws Exception {
        BigInteger nonce = chain.nonce(guardian);

        StepOutcome outcome = devnetProfile().withoutGuardian().writeTo(dir).pause();

        assertThat(outcome.result()).isEqualTo(Result.FAIL);
        assertThat(outcome.summary()).isEqualTo("cannot pause DelegationManager " + manager + ": no guardian is "
                + "configured in the chain profile (guardian: address, keystore, passwordFile), no transaction sent");
        assertThat(chain.nonce(guardian)).isEqualTo(nonce);
        assertThat(chain.paused(manager)).isFalse();
    }

    @Test
    void aWrongPasswordIsReportedWithoutTheKeyOrEitherPassword(CapturedOutput output) throws Exception {
        Guardian configured = TestDevnet.profile().guardian();
        Path wrong = Files.writeString(dir.resolve("wrong.password"), "not-the-password");
        BigInteger nonce = chain.nonce(guardian);

        StepOutcome outcome = devnetProfile().withGuardian(new Guardian(configured.address(), configured.keystore(), wrong))
                .writeTo(dir).pause();

        assertThat(outcome.result()).isEqualTo(Result.FAIL);
        assertThat(outcome.summary()).isEqualTo("cannot pause DelegationManager " + manager + ": the password in " + wrong
                + " does not open the guardian keystore " + configured.keystore() + ", no transaction sent");
        assertThat(outcome.summary() + output.getAll()).doesNotContain("not-the-password");
        assertNoSecretIn(outcome, output);
        assertThat(chain.nonce(guardian)).isEqualTo(nonce);
    }

    @Test
    void aMissingKeystoreIsNamed() throws Exception {
        Guardian configured = TestDevnet.profile().guardian();
        Path missing = dir.resolve("gone.json");

        StepOutcome outcome = devnetProfile().withGuardian(new Guardian(configured.address(), missing,
                configured.passwordFile())).writeTo(dir).pause();

        assertThat(outcome.result()).isEqualTo(Result.FAIL);
        assertThat(outcome.summary()).isEqualTo("cannot pause DelegationManager " + manager + ": the guardian keystore "
                + missing + " does not exist or is not readable, no transaction sent");
    }

    @Test
    void aGuardianThatIsNotTheOwnerIsNamedWithTheOwner() throws Exception {
        var key = Keys.createEcKeyPair();
        String file = WalletUtils.generateWalletFile("other", key, dir.toFile(), false);
        Path password = Files.writeString(dir.resolve("other.password"), "other");
        String other = org.web3j.crypto.Credentials.create(key).getAddress();

        StepOutcome outcome = devnetProfile().withGuardian(new Guardian(other, dir.resolve(file), password))
                .writeTo(dir).pause();

        assertThat(outcome.result()).isEqualTo(Result.FAIL);
        assertThat(outcome.summary()).isEqualTo("cannot pause DelegationManager " + manager + ": the guardian is not its "
                + "owner (owner " + guardian.toLowerCase() + ", guardian " + other + "), no transaction sent");
        assertThat(chain.nonce(other)).isZero();
    }

    @Test
    void contractsThatCannotBePausedAreNamedWhileTheOthersArePaused() throws Exception {
        ContractRef entryPoint = TestDevnet.profile().contracts().entryPoint();
        DevnetActions actions = devnetProfile().withPausable(TestDevnet.profile().contracts().delegationManager(),
                entryPoint, new ContractRef("Registry", EMPTY_ADDRESS, null)).writeTo(dir);

        StepOutcome outcome = actions.pause();

        assertThat(outcome.result()).isEqualTo(Result.FAIL);
        assertThat(outcome.summary().split("; ")).satisfiesExactly(
                first -> assertThat(first).startsWith("Paused DelegationManager " + manager + " in tx 0x"),
                second -> assertThat(second).isEqualTo("EntryPoint " + entryPoint.address()
                        + " is not pausable: it has no paused()"),
                third -> assertThat(third).isEqualTo("Registry " + EMPTY_ADDRESS
                        + " is not pausable: no code at the address"));
        assertThat(chain.paused(manager)).isTrue();
        assertThat(actions.unpause().summary()).startsWith("Unpaused DelegationManager " + manager + " in tx 0x");
    }

    @Test
    void aPreflightRevertIsRecordedWithItsReasonAndNothingIsSent() throws Exception {
        chain.setCode(SPARE_ADDRESS, REFUSING_CODE);
        BigInteger nonce = chain.nonce(guardian);

        StepOutcome outcome = devnetProfile().withPausable(new ContractRef("Drill", SPARE_ADDRESS, null)).writeTo(dir)
                .pause();

        assertThat(outcome.result()).isEqualTo(Result.FAIL);
        assertThat(outcome.summary()).isEqualTo("preflight of pause() on Drill " + SPARE_ADDRESS + " from the guardian "
                + "reverted: OwnableUnauthorizedAccount: the caller is not the owner, no transaction sent");
        assertThat(outcome.evidence()).containsEntry("Drill.owner", "unknown (no owner())");
        assertThat(chain.nonce(guardian)).isEqualTo(nonce);
    }

    @Test
    void anEndpointServingAnotherChainGetsNothingSigned() throws Exception {
        BigInteger nonce = chain.nonce(guardian);

        StepOutcome outcome = devnetProfile().withChainId(139).writeTo(dir).pause();

        assertThat(outcome.result()).isEqualTo(Result.FAIL);
        assertThat(outcome.summary()).startsWith("DelegationManager " + manager + ": not changed, chain unreachable (no "
                + "usable RPC endpoint: primary (").contains("): wrong chain (answers chain id 138, expected 139); secondary (")
                .endsWith(", no transaction sent");
        assertThat(chain.nonce(guardian)).isEqualTo(nonce);
    }

    @Test
    void anUnreachableChainIsReportedAndNothingIsSent() throws Exception {
        BigInteger nonce = chain.nonce(guardian);

        StepOutcome outcome = devnetProfile().withRpc(URI.create("http://127.0.0.1:9/")).writeTo(dir).pause();

        assertThat(outcome.result()).isEqualTo(Result.FAIL);
        assertThat(outcome.summary()).startsWith("DelegationManager " + manager + ": not changed, chain unreachable (no "
                + "usable RPC endpoint: only (http://127.0.0.1:9/): down (").endsWith(", no transaction sent");
        assertThat(chain.nonce(guardian)).isEqualTo(nonce);
    }
}
