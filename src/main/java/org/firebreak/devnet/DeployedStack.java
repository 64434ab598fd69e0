package org.firebreak.devnet;

import java.math.BigInteger;
import java.util.List;

import org.firebreak.chain.EntryPointVersion;
import org.jspecify.annotations.Nullable;

/**
 * What the devnet deployed: every contract's address, the smart accounts the factory created, the gas burner that
 * high-gas user operations call, the paymaster's initial EntryPoint deposit (what {@code fault clear} restores), and
 * the EIP7702StatelessDeleGator with the EIP-7702 account delegated to it ({@link DelegatedAccount}; null in the
 * state of a devnet started before they existed); {@code laterEntryPoints}: EntryPoint v0.8 and v0.9 deployed beside
 * v0.7, each with its release's SimpleAccountFactory (empty for a devnet started before them).
 */
public record DeployedStack(String entryPoint, String accountFactory, String paymaster, String delegationManager,
        String simpleFactory, String hybridDeleGator, String timestampEnforcer, String limitedCallsEnforcer,
        String allowedTargetsEnforcer, String blockNumberEnforcer, List<String> smartAccounts,
        String gasBurner, BigInteger paymasterDeposit, @Nullable String eip7702DeleGator,
        @Nullable String delegatedAccount, List<DeployedEntryPoint> laterEntryPoints) {

    public DeployedStack {
        smartAccounts = List.copyOf(smartAccounts);
        laterEntryPoints = laterEntryPoints == null ? List.of() : List.copyOf(laterEntryPoints);
    }

    /** One EntryPoint of the devnet and the SimpleAccountFactory of the same release. */
    public record DeployedEntryPoint(EntryPointVersion version, String entryPoint, String accountFactory) {
    }

    /** Every EntryPoint, v0.7 first. */
    public List<DeployedEntryPoint> entryPoints() {
        List<DeployedEntryPoint> all = new java.util.ArrayList<>(List.of(
                new DeployedEntryPoint(EntryPointVersion.V07, entryPoint, accountFactory)));
        all.addAll(laterEntryPoints);
        return List.copyOf(all);
    }

    /** The EntryPoint of that release, or a failure naming what this devnet has. */
    public DeployedEntryPoint entryPoint(EntryPointVersion version) {
        return entryPoints().stream().filter(e -> e.version() == version).findFirst()
                .orElseThrow(() -> new DevnetFailure("this devnet has no EntryPoint " + version.label() + " (it has "
                        + entryPoints().stream().map(e -> e.version().label()).toList()
                        + "): it was started before v0.8 and v0.9 were deployed; run devnet down, then up"));
    }
}
