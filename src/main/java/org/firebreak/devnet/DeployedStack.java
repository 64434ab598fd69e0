package org.firebreak.devnet;

import java.math.BigInteger;
import java.util.List;

/**
 * What the devnet deployed: every contract's address, the smart accounts the factory created, the gas burner that
 * high-gas user operations call and the paymaster's initial EntryPoint deposit (what {@code fault clear} restores).
 */
public record DeployedStack(String entryPoint, String accountFactory, String paymaster, String delegationManager,
        String simpleFactory, String hybridDeleGator, String timestampEnforcer, String limitedCallsEnforcer,
        String allowedTargetsEnforcer, String blockNumberEnforcer, List<String> smartAccounts,
        String gasBurner, BigInteger paymasterDeposit) {

    public DeployedStack {
        smartAccounts = List.copyOf(smartAccounts);
    }
}
