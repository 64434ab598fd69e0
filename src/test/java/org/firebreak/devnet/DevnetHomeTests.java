package org.firebreak.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding anvil and the artifacts, and saying in one line what to do when they are missing. */
@Tag("integration")
class DevnetHomeTests {

    @Test
    void theCheckoutIsFoundAndHoldsAnvilAndTheArtifacts() {
        DevnetHome home = DevnetHome.locate();
        assertThat(home.root().resolve("devnet/package.json")).exists();
        assertThat(home.anvil()).isExecutable();
        assertThat(ContractArtifact.delegationFramework(home, "DelegationManager").constructorTypes()).containsExactly("address");
        assertThat(ContractArtifact.accountAbstraction(home, "VerifyingPaymaster").constructorTypes())
                .containsExactly("address", "address");
    }

    @Test
    void missingNpmPackagesSayHowToInstallThemInOneLine(@TempDir Path empty) {
        DevnetHome home = new DevnetHome(empty);
        assertThatThrownBy(home::anvil).isInstanceOf(DevnetFailure.class)
                .hasMessageEndingWith("run npm ci in devnet/ (./firebreak does this for you)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> ContractArtifact.accountAbstraction(home, "EntryPoint"))
                .hasMessageContaining("run npm ci in devnet/");
    }

    @Test
    void aLibraryPlaceholderMustBeLinkedBeforeDeployment() {
        DevnetHome home = DevnetHome.locate();
        ContractArtifact hybrid = ContractArtifact.delegationFramework(home, "HybridDeleGator");
        assertThatThrownBy(() -> hybrid.creationCode(java.util.List.of())).hasMessageContaining("needs a library linked first");
        assertThatThrownBy(() -> hybrid.linked("src/Other.sol:Other", "0x" + "1".repeat(40)))
                .hasMessageContaining("does not link library src/Other.sol:Other");
    }
}
