package org.firebreak.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which watched addresses a new contract's runtime code carries, as the staging detector reads it. */
class StagedContractsTest {

    private static final String ENTRY_POINT = OfflineProfile.ENTRY_POINT;
    private static final String MANAGER = OfflineProfile.MANAGER;
    private static final ChainProfile PROFILE = OfflineProfile.PROFILE;

    @Test
    void aRuntimePushingTheEntryPointsAddressEmbedsIt() {
        String runtime = "0x73" + ENTRY_POINT.substring(2) + "60005260206000f3";

        assertThat(StagedContracts.embedded(runtime, StagedContracts.watched(PROFILE)))
                .containsExactly(Map.entry("0000000071727de22e5e9d8baf0edac6f37da032", "entryPoint"));
    }

    @Test
    void everyEmbeddedAddressIsNamedAndCodeWithoutOneEmbedsNothing() {
        String both = "0x" + MANAGER.substring(2).toLowerCase() + "00" + ENTRY_POINT.substring(2).toLowerCase();

        assertThat(StagedContracts.embedded(both, StagedContracts.watched(PROFILE)).values())
                .containsExactlyInAnyOrder("entryPoint", "delegationManager");
        assertThat(StagedContracts.embedded("0x602a60005260206000f3", StagedContracts.watched(PROFILE))).isEmpty();
        assertThat(StagedContracts.watched(PROFILE)).as("no paymaster in this profile").doesNotContainValue("paymaster")
                .containsValue("accountFactory");
    }
}
