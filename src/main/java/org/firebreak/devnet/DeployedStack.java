package org.firebreak.devnet;

import java.math.BigInteger;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the devnet deployed: every contract's address, the smart accounts the factory created, the gas burner that
 * high-gas user operations call, the paymaster's initial EntryPoint deposit (what {@code fault clear} restores), and
 * the EIP7702StatelessDeleGator with the EIP-7702 account delegated to it ({@link DelegatedAccount}; null in the
 * state of a devnet started before they existed).
 */
public record DeployedStack(String entryPoint, String accountFactory, String paymaster, String delegationManager,
        String simpleFactory, String hybridDeleGator, String timestampEnforcer, String limitedCallsEnforcer,
        String allowedTargetsEnforcer, String blockNumberEnforcer, List<String> smartAccounts,
        String gasBurner, BigInteger paymasterDeposit, @Nullable String eip7702DeleGator,
        @Nullable String delegatedAccount) {

    public DeployedStack {
        smartAccounts = List.copyOf(smartAccounts);
    }
}
